// The 打印 action of a filing-list row: a printer icon button named 打印 (tooltip and accessible name).
import { Button, Tooltip } from 'antd';

/** A printer glyph, drawn here: @ant-design/icons is not one of the project's dependencies. */
export function PrinterGlyph() {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M6 9V3h12v6" />
      <rect x="3" y="9" width="18" height="8" rx="2" />
      <path d="M6 14h12v7H6z" fill="#fff" />
    </svg>
  );
}

export function RowPrintButton({ onClick }: { onClick: () => void }) {
  return (
    <Tooltip title="打印">
      <Button
        type="text"
        size="small"
        icon={<PrinterGlyph />}
        aria-label="打印"
        data-testid="row-print"
        onClick={(event) => {
          event.stopPropagation();
          onClick();
        }}
        style={{ marginLeft: 4 }}
      />
    </Tooltip>
  );
}
