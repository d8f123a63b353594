import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert } from 'antd';
import type { PDFDocumentProxy, PageViewport } from 'pdfjs-dist';
import type { ImportedPdf, PrintedBox } from '../../shared/ipc/contract.ts';
import { reason } from '../api.ts';
import { decodeBase64, loadPdf } from '../pdf/loadPdf.ts';
import { PdfPage } from '../pdf/PdfPage.tsx';
import { useWidth } from '../pdf/useWidth.ts';

interface SourcePdfPageProps {
  readonly pdf: ImportedPdf;
  /** Where the active cell's figure is printed; undefined shows the first page (or the last one shown) unmarked. */
  readonly box: PrintedBox | undefined;
}

/**
 * Smallest scale (CSS pixels per PDF point) the page is drawn at, its printed size (1 pt =
 * 4/3 CSS px): a table's small figures stay readable in a narrow panel, which then
 * scrolls to the cell.
 */
const MIN_SCALE = 4 / 3;
/** Room beside the page inside the panel. */
const PAGE_MARGIN_PX = 24;
/** Where across the panel the outlined figure is scrolled to (0 left, 1 right). */
const MARK_ACROSS = 0.75;
/** Space around the printed figure inside its outline. */
const MARK_PADDING_PX = 3;

/** The box on the page in CSS pixels from its top-left corner (pdf.js turns PDF points, y up, to the drawn page, rotation included). */
function markedArea(viewport: PageViewport, box: PrintedBox): { left: number; top: number; width: number; height: number } {
  const [originX, originY] = viewport.viewBox as [number, number, number, number];
  const [x0, y0] = viewport.convertToViewportPoint(originX + box.x, originY + box.y) as [number, number];
  const [x1, y1] = viewport.convertToViewportPoint(originX + box.x + box.width, originY + box.y + box.height) as [number, number];
  return {
    left: Math.min(x0, x1) - MARK_PADDING_PX,
    top: Math.min(y0, y1) - MARK_PADDING_PX,
    width: Math.abs(x1 - x0) + 2 * MARK_PADDING_PX,
    height: Math.abs(y1 - y0) + 2 * MARK_PADDING_PX,
  };
}

/**
 * The page of the source PDF a cell was read from, drawn by pdf.js, with the figure's
 * position outlined and scrolled into view.
 */
export function SourcePdfPage({ pdf, box }: SourcePdfPageProps) {
  const [document, setDocument] = useState<PDFDocumentProxy | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [pageNumber, setPageNumber] = useState(box?.page ?? 1);
  const [viewport, setViewport] = useState<PageViewport | undefined>(undefined);
  const [drawn, setDrawn] = useState<number | undefined>(undefined);
  const panel = useRef<HTMLDivElement>(null);
  const mark = useRef<HTMLDivElement>(null);
  const width = useWidth(panel);

  useEffect(() => {
    let cancelled = false;
    let loaded: PDFDocumentProxy | undefined;
    loadPdf(decodeBase64(pdf.base64)).then(
      (opened) => {
        loaded = opened;
        if (cancelled) void opened.loadingTask.destroy();
        else setDocument(opened);
      },
      (failure: unknown) => !cancelled && setError(reason(failure)),
    );
    return () => {
      cancelled = true;
      void loaded?.loadingTask.destroy();
    };
  }, [pdf.base64]);

  if (box && box.page !== pageNumber) {
    setPageNumber(box.page);
    setDrawn(undefined);
  }
  const size = pdf.pageSizes[pageNumber - 1];
  const scale = Math.max(MIN_SCALE, width && size ? (width - PAGE_MARGIN_PX) / size.width : MIN_SCALE);

  useEffect(() => {
    if (!document) return;
    let cancelled = false;
    void document.getPage(pageNumber).then((page) => !cancelled && setViewport(page.getViewport({ scale })));
    return () => {
      cancelled = true;
    };
  }, [document, pageNumber, scale]);

  const area = box && viewport && box.page === pageNumber ? markedArea(viewport, box) : undefined;
  const onDrawn = useCallback((number: number) => setDrawn(number), []);

  const areaAt = area ? `${area.left},${area.top}` : '';
  // Once the page is drawn, the outlined figure is scrolled to: to the right of the middle, as
  // its row's label is printed left of it, and half-way down, under its column's header.
  useEffect(() => {
    const target = panel.current;
    if (!target || !areaAt || !mark.current || drawn !== pageNumber) return;
    const panelBox = target.getBoundingClientRect();
    const markBox = mark.current.getBoundingClientRect();
    target.scrollTo({
      left: target.scrollLeft + markBox.left - panelBox.left - (target.clientWidth - markBox.width) * MARK_ACROSS,
      top: target.scrollTop + markBox.top - panelBox.top - (target.clientHeight - markBox.height) / 2,
    });
  }, [areaAt, drawn, pageNumber]);

  if (error) return <Alert type="error" showIcon message="无法显示PDF原页面" description={error} />;
  return (
    <div ref={panel} className="nb-source-pages" data-testid="source-page" data-page={pageNumber}>
      {document && (
        <PdfPage key={pageNumber} pdf={document} number={pageNumber} scale={scale} turn onDrawn={onDrawn}>
          {area && (
            <div
              ref={mark}
              className="nb-source-mark"
              data-testid="source-mark"
              style={{ left: area.left, top: area.top, width: area.width, height: area.height }}
            />
          )}
        </PdfPage>
      )}
    </div>
  );
}
