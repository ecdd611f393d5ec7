import type { VersionListing } from '@/lib/impact/versions';
import { TableRegion } from '../../_components/table-region';

export function VersionsTable({ versions }: { versions: readonly VersionListing[] }) {
  return (
    <TableRegion captionId="versions-caption">
      <table className="cp-break-code">
        <caption id="versions-caption">Protocol versions this build supports, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Title</th>
            <th scope="col">Use</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.id} data-version={v.id}>
              <th scope="row">
                <code>{v.id}</code>
              </th>
              <td>
                {v.title}
                <span className="cp-hint">
                  Released {v.released}
                  {v.basedOn ? (
                    <>
                      , based on <code>{v.basedOn}</code>
                    </>
                  ) : null}
                </span>
              </td>
              <td>{v.active ? <strong>Active: new interviews use it</strong> : 'For the interviews started under it'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
