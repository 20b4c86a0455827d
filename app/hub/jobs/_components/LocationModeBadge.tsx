import { useTranslations } from 'next-intl';
import { Badge } from '@/app/_components/ui/Badge';
import { IconBuilding, IconGlobe, IconMapPin } from '@/app/_components/ui/Icon';
import type { JobLocationMode } from '../_lib/job-values';

const ICONS = { anywhere: IconGlobe, norway: IconMapPin, hub: IconBuilding } as const;
const TONES = { anywhere: 'primary', norway: 'accent', hub: 'success' } as const;

/** "Work from anywhere", "Anywhere in Norway" or "From a hub near you", with its icon. */
export function LocationModeBadge({ mode }: { mode: JobLocationMode }) {
  const t = useTranslations('jobs.mode');
  const Icon = ICONS[mode];
  return (
    <Badge tone={TONES[mode]} icon={<Icon size={14} />}>
      {t(mode)}
    </Badge>
  );
}
