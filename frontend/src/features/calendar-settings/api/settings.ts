import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

type Schemas = components['schemas'];
export type CalendarSettings = Schemas['CalendarSettings'];
export type CalendarSettingsInput = Schemas['CalendarSettingsInput'];
export type Holidays = Schemas['Holidays'];
export type Holiday = Schemas['Holiday'];
export type Subscription = Schemas['Subscription'];
export type SubscriptionInput = Schemas['SubscriptionInput'];
export type SubscriptionWithSecret = Schemas['SubscriptionWithSecret'];
export type Delivery = Schemas['Delivery'];
export type DeliveryStatus = Schemas['DeliveryStatus'];
export type WebhookEvent = Schemas['WebhookEvent'];

export const calendarKeys = {
  settings: ['calendar', 'settings'] as const,
  holidays: ['calendar', 'holidays'] as const,
  webhooks: ['webhooks'] as const,
  deliveries: (id: number, page: number) => ['webhooks', 'deliveries', id, page] as const,
};

/** The calendar changes every obligation's due day and status. */
const OBLIGATIONS = ['obligations'] as const;

export function useCalendarSettings() {
  return useQuery(
    queryOptions({
      queryKey: calendarKeys.settings,
      queryFn: ({ signal }) => unwrap(api.GET('/api/v1/calendar/settings', { signal })),
    }),
  );
}

export function useSaveCalendarSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, input }: { version: number; input: CalendarSettingsInput }) =>
      unwrap(
        api.PUT('/api/v1/calendar/settings', {
          params: { header: { 'If-Match': ifMatch(version) } },
          body: input,
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(calendarKeys.settings, saved);
      return queryClient.invalidateQueries({ queryKey: OBLIGATIONS });
    },
  });
}

export function useHolidays() {
  return useQuery({
    queryKey: calendarKeys.holidays,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/public-holidays', { signal })),
  });
}

export function useSaveHolidays() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, days }: { version: number; days: Holiday[] }) =>
      unwrap(
        api.PUT('/api/v1/public-holidays', {
          params: { header: { 'If-Match': ifMatch(version) } },
          body: { days },
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(calendarKeys.holidays, saved);
      return queryClient.invalidateQueries({ queryKey: OBLIGATIONS });
    },
  });
}

export function useWebhooks() {
  return useQuery({
    queryKey: calendarKeys.webhooks,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/webhooks', { signal })),
  });
}

function useWebhooksChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: calendarKeys.webhooks });
}

export function useCreateWebhook() {
  const changed = useWebhooksChanged();
  return useMutation({
    mutationFn: (input: SubscriptionInput) => unwrap(api.POST('/api/v1/webhooks', { body: input })),
    onSuccess: changed,
  });
}

export function useUpdateWebhook() {
  const changed = useWebhooksChanged();
  return useMutation({
    mutationFn: ({ subscription, input }: { subscription: Subscription; input: SubscriptionInput }) =>
      unwrap(
        api.PUT('/api/v1/webhooks/{id}', {
          params: { path: { id: subscription.id }, header: { 'If-Match': ifMatch(subscription.version) } },
          body: input,
        }),
      ),
    onSuccess: changed,
  });
}

export function useRotateWebhookSecret() {
  const changed = useWebhooksChanged();
  return useMutation({
    mutationFn: (subscription: Subscription) =>
      unwrap(
        api.POST('/api/v1/webhooks/{id}/rotate-secret', {
          params: { path: { id: subscription.id }, header: { 'If-Match': ifMatch(subscription.version) } },
        }),
      ),
    onSuccess: changed,
  });
}

export function usePingWebhook() {
  const changed = useWebhooksChanged();
  return useMutation({
    mutationFn: (subscription: Subscription) =>
      unwrap(api.POST('/api/v1/webhooks/{id}/ping', { params: { path: { id: subscription.id } } })),
    onSettled: changed,
  });
}

export function useDeliveries(id: number | undefined, page: number) {
  return useQuery({
    queryKey: calendarKeys.deliveries(id ?? 0, page),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/webhooks/{id}/deliveries', {
          params: { path: { id: id ?? 0 }, query: { page, pageSize: 20 } },
          signal,
        }),
      ),
    enabled: id !== undefined,
  });
}

export function useRedeliver() {
  const changed = useWebhooksChanged();
  return useMutation({
    mutationFn: (delivery: Delivery) =>
      unwrap(
        api.POST('/api/v1/webhook-deliveries/{id}/redeliver', { params: { path: { id: delivery.id } } }),
      ),
    onSettled: changed,
  });
}
