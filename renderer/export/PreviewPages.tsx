import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Space, Tag } from 'antd';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { Report } from '../../shared/model/report.ts';
import { reason } from '../api.ts';
import { PdfPage } from '../pdf/PdfPage.tsx';
import { useWidth } from '../pdf/useWidth.ts';
import { forgetRequest, previewContent, rememberScale, requestPreview, showPreview, shownPreview } from './previewDocuments.ts';
import { REFRESH_DELAY_MS } from './useBackgroundPreview.ts';

interface PreviewPagesProps {
  /** Hidden (another step on screen): it does not follow the report (useBackgroundPreview does). */
  readonly active: boolean;
  readonly reportId: number;
  readonly report: Report;
}

/** A4 is 595 PDF points wide. */
const PAGE_WIDTH_PT = 595;
const ZOOM_STEPS = [0.5, 0.67, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 2];
/** Room around a page in the preview area when it fits the width. */
const FIT_MARGIN_PX = 32;

/** Fit width, or a zoom where 1 (100 %) is the page's real size: 1 pt = 4/3 CSS px. */
type Zoom = 'fit' | number;
const PX_PER_PT = 4 / 3;

/**
 * The report page by page, exactly as it prints: the PDF the print layout gives, drawn
 * here at the width of the screen or at a chosen zoom. It follows the report as it is
 * edited; while new pages are made the old ones stay, marked 正在更新.
 */
export function PreviewPages({ active, reportId, report }: PreviewPagesProps) {
  const content = previewContent(report);
  // The preview on screen and the report content it shows.
  const [view, setView] = useState<{ pdf?: PDFDocumentProxy; content?: string }>(() => {
    const kept = shownPreview(reportId);
    return { pdf: kept?.document, content: kept?.content };
  });
  const [failure, setFailure] = useState<{ content: string; error: string } | undefined>(undefined);
  // 刷新: made again although the report is unchanged.
  const [refreshing, setRefreshing] = useState(false);
  // Derived in render, so that no frame shows a changed report's old pages as up to date.
  const updating = refreshing || (view.content !== content && failure?.content !== content);
  const { pdf } = view;
  const [zoom, setZoom] = useState<Zoom>('fit');
  const pages = useRef<HTMLDivElement>(null);
  const width = useWidth(pages);
  // Pages drawn so far, for this document and scale.
  const [drawnUpTo, setDrawnUpTo] = useState({ pdf, scale: 0, count: 0 });
  // Arriving on the preview makes it at once; edits made while it is shown wait for a pause.
  const arrived = useRef(false);

  useEffect(() => {
    const current = view.content === content && !refreshing;
    if (!active) {
      // Coming back to a changed report makes its preview at once, as arriving does.
      arrived.current = false;
      return;
    }
    const delay = arrived.current ? REFRESH_DELAY_MS : 0;
    arrived.current = true;
    if (current) return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      try {
        const document = await requestPreview(reportId, report);
        if (cancelled) return;
        showPreview(reportId, content, document);
        setView({ pdf: document, content });
        setFailure(undefined);
      } catch (error) {
        if (!cancelled) setFailure({ content, error: reason(error) });
      }
      if (!cancelled) setRefreshing(false);
    }, delay);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // `content` stands for `report`: a new object with the same content needs no new preview.
  }, [active, reportId, content, view.content, refreshing]);

  const fitScale = width ? Math.max(0.3, (width - FIT_MARGIN_PX) / PAGE_WIDTH_PT) : 1;
  const scale = zoom === 'fit' ? fitScale : zoom * PX_PER_PT;
  const percent = Math.round((scale / PX_PER_PT) * 100);
  useEffect(() => rememberScale(reportId, scale), [reportId, scale]);
  const drawnNow = drawnUpTo.pdf === pdf && drawnUpTo.scale === scale ? drawnUpTo : { pdf, scale, count: 0 };
  if (drawnNow !== drawnUpTo) setDrawnUpTo(drawnNow);
  const onDrawn = useCallback(
    (number: number) => setDrawnUpTo((d) => (d.pdf === pdf && d.scale === scale ? { ...d, count: Math.max(d.count, number) } : d)),
    [pdf, scale],
  );
  const step = (direction: 1 | -1) => {
    const steps = direction > 0 ? ZOOM_STEPS.filter((z) => z > percent / 100 + 0.001) : ZOOM_STEPS.filter((z) => z < percent / 100 - 0.001).reverse();
    if (steps[0] !== undefined) setZoom(steps[0]);
  };

  return (
    <section className="nb-preview" aria-label="打印预览" data-testid="preview" data-updating={updating}>
      <div className="nb-preview-bar">
        <span>
          打印预览{pdf ? `（共 ${pdf.numPages} 页）` : ''}
          {updating && (
            <Tag color="processing" className="nb-preview-updating" data-testid="preview-updating">
              {pdf ? '正在更新' : '正在生成'}
            </Tag>
          )}
        </span>
        <Space size={4}>
          <Button size="small" type={zoom === 'fit' ? 'primary' : 'default'} onClick={() => setZoom('fit')} data-action="zoom-fit">
            适合宽度
          </Button>
          <Button size="small" type={zoom === 1 ? 'primary' : 'default'} onClick={() => setZoom(1)} data-action="zoom-100">
            100%
          </Button>
          <Button size="small" onClick={() => step(-1)} aria-label="缩小" data-action="zoom-out">
            −
          </Button>
          <span className="nb-preview-zoom" data-testid="zoom">
            {percent}%
          </span>
          <Button size="small" onClick={() => step(1)} aria-label="放大" data-action="zoom-in">
            +
          </Button>
          <Button
            size="small"
            onClick={() => {
              forgetRequest(reportId);
              setRefreshing(true);
            }}
          >
            刷新
          </Button>
        </Space>
      </div>
      {failure && <Alert type="error" showIcon message="无法生成预览" description={failure.error} />}
      <div ref={pages} className={`nb-preview-pages${updating && pdf ? ' nb-preview-stale' : ''}`}>
        {pdf &&
          Array.from({ length: pdf.numPages }, (_, i) => (
            <PdfPage key={i} pdf={pdf} number={i + 1} scale={scale} turn={i < drawnNow.count + 1} onDrawn={onDrawn} />
          ))}
      </div>
    </section>
  );
}
