export { CRITERION_MODE_LABELS as MODE_LABELS } from '@/lib/vocabulary';
