import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Spin } from 'antd';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { Report } from '../../shared/model/report.ts';
import { nianbao, reason } from '../api.ts';

/** pdf.js, loaded when a preview is first shown (it is not needed to start the app). */
async function loadPdf(data: Uint8Array): Promise<PDFDocumentProxy> {
  const { GlobalWorkerOptions, getDocument } = await import('pdfjs-dist');
  GlobalWorkerOptions.workerSrc = workerUrl;
  return getDocument({ data, useWasm: false }).promise;
}

interface PreviewPagesProps {
  readonly report: Report;
}

/** The preview follows the report after the typing stops for this long. */
const REFRESH_DELAY_MS = 1200;
/** Pixels per PDF point on screen (A4 is 595 pt wide). */
const SCALE = 1.1;

function decodeBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function PdfPage({ pdf, number }: { readonly pdf: PDFDocumentProxy; readonly number: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [rendered, setRendered] = useState(false);
  useEffect(() => {
    let cancelled = false;
    setRendered(false);
    let task: { cancel: () => void } | undefined;
    void pdf.getPage(number).then((page) => {
      const target = canvas.current;
      if (cancelled || !target) return;
      const ratio = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: SCALE * ratio });
      target.width = viewport.width;
      target.height = viewport.height;
      target.style.width = `${viewport.width / ratio}px`;
      target.style.height = `${viewport.height / ratio}px`;
      const render = page.render({ canvas: target, viewport });
      task = render;
      render.promise.then(() => !cancelled && setRendered(true), () => undefined);
    });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [pdf, number]);
  return (
    <figure className="nb-page" data-page={number} data-rendered={rendered}>
      <canvas ref={canvas} aria-label={`第 ${number} 页`} />
      <figcaption>— {number} —</figcaption>
    </figure>
  );
}

/**
 * The report page by page, exactly as it prints: the PDF the print layout gives, drawn
 * here. It follows the report as it is edited.
 */
export function PreviewPages({ report }: PreviewPagesProps) {
  const [pdf, setPdf] = useState<PDFDocumentProxy | undefined>(undefined);
  const [state, setState] = useState<{ loading: boolean; error?: string }>({ loading: true });
  const [generation, setGeneration] = useState(0);
  const shown = useRef(false);

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(async () => {
      setState({ loading: true });
      try {
        const { pdfBase64 } = await nianbao.export.preview({ report });
        const document = await loadPdf(decodeBase64(pdfBase64));
        if (cancelled) return void document.loadingTask.destroy();
        shown.current = true;
        setPdf(document);
        setState({ loading: false });
      } catch (error) {
        if (!cancelled) setState({ loading: false, error: reason(error) });
      }
    }, shown.current ? REFRESH_DELAY_MS : 0);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [report, generation]);

  useEffect(() => () => void pdf?.loadingTask.destroy(), [pdf]);

  return (
    <section className="nb-preview" aria-label="打印预览" data-testid="preview">
      <div className="nb-preview-bar">
        <span>
          打印预览{pdf ? `（共 ${pdf.numPages} 页）` : ''}
          {state.loading && <Spin size="small" className="nb-preview-spin" />}
        </span>
        <Button size="small" onClick={() => setGeneration((g) => g + 1)}>
          刷新
        </Button>
      </div>
      {state.error && <Alert type="error" showIcon message="无法生成预览" description={state.error} />}
      <div className={`nb-preview-pages${state.loading && pdf ? ' nb-preview-stale' : ''}`}>
        {pdf && Array.from({ length: pdf.numPages }, (_, i) => <PdfPage key={i} pdf={pdf} number={i + 1} />)}
      </div>
    </section>
  );
}
