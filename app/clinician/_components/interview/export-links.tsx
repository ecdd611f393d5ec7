import { interviewLinks } from '../../_lib/links';

/** Downloads are plain links: the browser sends the session cookie and the server audits every export. */
export function ExportLinks({ id, code }: { id: string; code: string }) {
  const links = interviewLinks(id);
  return (
    <ul className="cp-links" aria-label={`Export interview ${code}`}>
      <li>
        <a href={links.json} download={`knotwise-${code}.json`}>
          Export JSON
        </a>
      </li>
      <li>
        <a href={links.fhir} download={`knotwise-${code}.fhir.json`}>
          Export FHIR
        </a>
      </li>
      <li>
        <a href={links.print}>Print view</a>
      </li>
    </ul>
  );
}
