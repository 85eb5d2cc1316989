import { unwrap } from './client';

type FieldValue = string | number | boolean | Blob | null | undefined;

/**
 * A multipart body for an upload. openapi-fetch sends `FormData` as it is (the browser sets the
 * boundary); the schema types binary fields as strings, hence the cast to the expected body type.
 * Empty values are left out, so the server applies its defaults.
 */
export function multipart<T>(fields: Record<string, FieldValue>): T {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value === null || value === undefined || value === '') continue;
    if (value instanceof Blob) form.append(name, value, value instanceof File ? value.name : 'tep');
    else form.append(name, String(value));
  }
  return form as unknown as T;
}

/** The file name a response offers (`Content-Disposition`), preferring the UTF-8 form. */
export function fileNameFromDisposition(header: string | null | undefined): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // Fall back to the plain form below.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/.exec(header);
  const name = plain?.[1] ?? plain?.[2]?.trim();
  return name || null;
}

export interface DownloadedFile {
  blob: Blob;
  fileName: string | null;
}

interface BlobResult {
  data?: Blob;
  error?: unknown;
  response: Response;
}

/** A file answer (requested with `parseAs: 'blob'`), with the name the server gave it. */
export async function unwrapFile(pending: Promise<BlobResult>): Promise<DownloadedFile> {
  let fileName: string | null = null;
  const blob = await unwrap(
    pending.then((result) => {
      fileName = fileNameFromDisposition(result.response.headers.get('Content-Disposition'));
      return result;
    }),
  );
  return { blob, fileName };
}

/** Hands a downloaded file to the browser, as if the user had clicked a download link. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before letting go of the data.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
