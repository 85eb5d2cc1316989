import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '@/lib/api/client';
import { multipart, saveFile, unwrapFile } from '@/lib/api/files';
import type { Attachment, UploadForm } from '@/lib/api/models';
import type { components, operations } from '@/lib/api/schema';

type Schemas = components['schemas'];
export type PropagationActivity = Schemas['PropagationActivity'];
export type PropagationInput = Schemas['PropagationInput'];
export type PropagationSummary = Schemas['Page_PropagationSummary']['items'][number];
export type Channel = Schemas['Channel'];
export type PropagationListParams = NonNullable<operations['list_activities']['parameters']['query']>;
export type PropagationFilters = Omit<PropagationListParams, 'page' | 'pageSize'>;

const keys = {
  all: ['propagation'] as const,
  list: (params: PropagationListParams) => ['propagation', 'list', params] as const,
  detail: (id: number) => ['propagation', 'detail', id] as const,
};

export function usePropagationList(params: PropagationListParams) {
  return useQuery({
    queryKey: keys.list(params),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/propagation-activities', { params: { query: params }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function usePropagationActivity(id: number | null) {
  return useQuery({
    queryKey: keys.detail(id ?? 0),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/propagation-activities/{id}', { params: { path: { id: id ?? 0 } }, signal })),
    enabled: id !== null,
  });
}

/** The newest copy of an activity (to start over after a version conflict). */
export function useFetchPropagationActivity() {
  const queryClient = useQueryClient();
  return (id: number) =>
    queryClient.fetchQuery({
      queryKey: keys.detail(id),
      queryFn: ({ signal }) =>
        unwrap(api.GET('/api/v1/propagation-activities/{id}', { params: { path: { id } }, signal })),
      staleTime: 0,
    });
}

function useChanged() {
  const queryClient = useQueryClient();
  return (saved?: PropagationActivity | void) => {
    if (saved) queryClient.setQueryData(keys.detail(saved.id), saved);
    return queryClient.invalidateQueries({ queryKey: keys.all });
  };
}

const versioned = (activity: { id: number; version: number }) => ({
  path: { id: activity.id },
  header: { 'If-Match': ifMatch(activity.version) },
});

export function useCreateActivity() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (input: PropagationInput) =>
      unwrap(api.POST('/api/v1/propagation-activities', { body: input })),
    onSuccess: changed,
  });
}

export function useUpdateActivity() {
  const changed = useChanged();
  return useMutation({
    mutationFn: ({ activity, input }: { activity: PropagationActivity; input: PropagationInput }) =>
      unwrap(api.PUT('/api/v1/propagation-activities/{id}', { params: versioned(activity), body: input })),
    onSuccess: changed,
  });
}

export function useDeleteActivity() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (activity: { id: number; version: number }) =>
      unwrap(api.DELETE('/api/v1/propagation-activities/{id}', { params: versioned(activity) })),
    onSettled: () => changed(),
  });
}

export function useUploadPropagationFile(activityId: number) {
  const changed = useChanged();
  return useMutation({
    mutationFn: ({ file, caption }: { file: File; caption?: string }) =>
      unwrap(
        api.POST('/api/v1/propagation-activities/{id}/attachments', {
          params: { path: { id: activityId } },
          body: multipart<UploadForm>({ file, caption: caption?.trim() }),
        }),
      ),
    onSuccess: () => changed(),
  });
}

export function useDeletePropagationFile() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (attachment: Attachment) =>
      unwrap(api.DELETE('/api/v1/propagation-attachments/{id}', { params: versioned(attachment) })),
    onSettled: () => changed(),
  });
}

/** Downloads need the access token: fetched first, then handed to the browser. */
export function useDownloadPropagationFile() {
  return useMutation({
    mutationFn: async (attachment: Attachment) => {
      const { blob, fileName } = await unwrapFile(
        api.GET('/api/v1/propagation-attachments/{id}/content', {
          params: { path: { id: attachment.id } },
          parseAs: 'blob',
        }),
      );
      saveFile(blob, fileName ?? attachment.fileName);
    },
  });
}

/** The list as it is filtered, as an Excel file. */
export function useExportPropagation() {
  return useMutation({
    mutationFn: async (filters: PropagationFilters) => {
      const { blob, fileName } = await unwrapFile(
        api.GET('/api/v1/propagation-activities/export', { params: { query: filters }, parseAs: 'blob' }),
      );
      saveFile(blob, fileName ?? 'tuyen-truyen.xlsx');
    },
  });
}
