import type { VersionListing } from '@/lib/impact/versions';
import { TableRegion } from '../../_components/table-region';

export function VersionsTable({ versions }: { versions: readonly VersionListing[] }) {
  return (
    <TableRegion captionId="versions-caption">
      <table>
        <caption id="versions-caption">Protocol versions this build supports, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Title</th>
            <th scope="col">Released</th>
            <th scope="col">Based on</th>
            <th scope="col">New interviews</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.id} data-version={v.id}>
              <th scope="row">
                <code>{v.id}</code>
              </th>
              <td>{v.title}</td>
              <td className="cp-nowrap">{v.released}</td>
              <td>{v.basedOn ? <code>{v.basedOn}</code> : '—'}</td>
              <td>{v.active ? <strong>Active: new interviews use it</strong> : 'Not used for new interviews'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
