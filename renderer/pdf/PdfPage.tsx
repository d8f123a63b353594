import { useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { drawnPagesOf, pageKey } from './drawnPages.ts';

interface PdfPageProps {
  readonly pdf: PDFDocumentProxy;
  readonly number: number;
  readonly scale: number;
  /** Pages are drawn one after the other, the first first: false until the page before is drawn. */
  readonly turn: boolean;
  readonly onDrawn: (number: number) => void;
  /** Drawn over the page (positioned absolutely, in CSS pixels from the page's top-left corner). */
  readonly children?: React.ReactNode;
}

/** One page of a PDF drawn on a canvas at a scale (CSS pixels per PDF point), with what is drawn over it. */
export function PdfPage({ pdf, number, scale, turn, onDrawn, children }: PdfPageProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const ratio = window.devicePixelRatio || 1;
  const key = pageKey(number, scale, ratio);
  // What the canvas shows: drawn is true only for this document, page and scale (never for the last document's page).
  const [shows, setShows] = useState<{ pdf: PDFDocumentProxy; key: string } | undefined>(undefined);
  const rendered = shows?.pdf === pdf && shows.key === key;
  useEffect(() => {
    const target = canvas.current;
    if (!target || !turn) return;
    let cancelled = false;
    const drawn = drawnPagesOf(pdf);
    const done = () => {
      if (cancelled) return;
      setShows({ pdf, key });
      onDrawn(number);
    };
    let task: { cancel: () => void } | undefined;
    const drawHere = () =>
      void pdf.getPage(number).then((page) => {
        if (cancelled) return;
        const viewport = page.getViewport({ scale: scale * ratio });
        target.width = viewport.width;
        target.height = viewport.height;
        target.style.width = `${viewport.width / ratio}px`;
        target.style.height = `${viewport.height / ratio}px`;
        const render = page.render({ canvas: target, viewport });
        task = render;
        render.promise.then(
          () => {
            done();
            drawn.set(key, createImageBitmap(target));
          },
          () => undefined,
        );
      });
    const kept = drawn.get(key);
    if (kept) {
      kept.then(
        (copy) => {
          if (cancelled) return;
          target.width = copy.width;
          target.height = copy.height;
          target.style.width = `${copy.width / ratio}px`;
          target.style.height = `${copy.height / ratio}px`;
          target.getContext('2d')?.drawImage(copy, 0, 0);
          done();
        },
        () => !cancelled && drawHere(),
      );
    } else {
      drawHere();
    }
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [pdf, number, scale, ratio, turn, onDrawn]);
  return (
    <figure className="nb-page" data-page={number} data-rendered={rendered}>
      <div className="nb-page-sheet">
        <canvas ref={canvas} aria-label={`第 ${number} 页`} />
        {children}
      </div>
      <figcaption>— {number} —</figcaption>
    </figure>
  );
}
