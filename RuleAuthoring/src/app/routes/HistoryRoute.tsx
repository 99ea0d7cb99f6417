import { useParams } from 'react-router';
import { VersionHistory } from '../../features/history/components/VersionHistory';

/** /segments/:segment — every version of the segment's rule set. */
export function HistoryRoute() {
  const { segment = '' } = useParams();
  return <VersionHistory key={segment} segment={segment} />;
}
