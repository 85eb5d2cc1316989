/** The card's address on this site (the kit's is absolute, under the public base URL). */
export function cardPath(exemplarId: number): string {
  return `/api/v1/public/exemplars/${exemplarId}/card.png`;
}

/** The card's file name for the download: `the-chia-se-<id>.png`. */
export function cardFileName(exemplarId: number): string {
  return `the-chia-se-dien-hinh-${exemplarId}.png`;
}

/**
 * Copies text to the clipboard; where the browser refuses the Clipboard API (no permission, an
 * older browser), through a hidden text area. Resolves to whether it worked.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}
