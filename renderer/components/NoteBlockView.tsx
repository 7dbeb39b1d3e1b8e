/** One block of the note's content model, as the print view and the intake's earlier versions show it. */
import type { NoteBlock } from '#shared/note/model';

export function NoteBlockView({ block }: { block: NoteBlock }) {
  switch (block.kind) {
    case 'paragraph':
      return <p>{block.text}</p>;
    case 'list':
      return <ul>{block.items.map((item, i) => <li key={i}>{item}</li>)}</ul>;
    case 'fields':
      return (
        <table>
          <tbody>{block.rows.map(([label, value], i) => <tr key={i}><th scope="row">{label}</th><td>{value}</td></tr>)}</tbody>
        </table>
      );
    case 'signature':
      return (
        <div className="print-signature">
          <strong>{block.label}</strong>
          {block.imagePngBase64 && <img src={`data:image/png;base64,${block.imagePngBase64}`} alt={`Signature: ${block.label}`} />}
          <div>{block.caption}</div>
        </div>
      );
  }
}
