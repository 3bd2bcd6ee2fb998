/**
 * A document model (shared/documents/model.ts) drawn as A4 sheets: the in-app print preview of
 * exactly what the .docx holds. `PrintHost` puts the same sheets under <body> for the printer;
 * everything else on the page is hidden while printing (document.css).
 */
import type { CSSProperties } from 'react';
import { createPortal } from 'react-dom';
import { cleanText, type Block, type DocPart, type DocumentModel } from '../../shared/documents/model';
import './document.css';

function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case 'title':
      return <h1 className="doc-title">{block.text}</h1>;
    case 'line':
      return (
        <p className="doc-para" style={{ textAlign: block.align }}>
          {block.text}
        </p>
      );
    case 'para':
      return (
        <>
          {cleanText(block.text)
            .split('\n')
            .map((line, i) => (
              <p
                key={i}
                className={block.indent === false ? 'doc-para' : 'doc-para indent'}
                style={{ textAlign: block.align, fontWeight: block.bold ? 'bold' : undefined }}
              >
                {line}
              </p>
            ))}
        </>
      );
    case 'heading':
      return <p className="doc-heading">{block.text}</p>;
    case 'table': {
      const total = block.widths.reduce((a, b) => a + b, 0);
      return (
        <table className="doc-table">
          <colgroup>
            {block.widths.map((w, i) => (
              <col key={i} style={{ width: `${(w / total) * 100}%` }} />
            ))}
          </colgroup>
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => {
                  const style: CSSProperties = { height: cell.lines ? `${cell.lines * 1.5}em` : undefined, textAlign: cell.align };
                  return (
                    <td key={c} colSpan={cell.span} rowSpan={cell.rowSpan} className={cell.label ? 'label' : undefined} style={style}>
                      {cleanText(cell.text)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
    case 'sign':
      return (
        <div className="doc-sign">
          <span>{block.label}</span>
          <span>{block.date}</span>
        </div>
      );
    case 'gap':
      return <div style={{ height: `${block.lines * 28.9}pt` }} />;
  }
}

export function DocumentSheet({ part }: { part: DocPart }) {
  return (
    <div className="doc-sheet" data-testid="doc-sheet">
      {part.blocks.map((b, i) => (
        <BlockView key={i} block={b} />
      ))}
    </div>
  );
}

export function DocumentView({ model }: { model: DocumentModel }) {
  return (
    <>
      {model.parts.map((p, i) => (
        <DocumentSheet key={i} part={p} />
      ))}
    </>
  );
}

/** The sheets the printer gets: a body-level copy, shown only in print media. */
export function PrintHost({ model }: { model: DocumentModel }) {
  return createPortal(
    <div id="print-host">
      <DocumentView model={model} />
    </div>,
    document.body,
  );
}
