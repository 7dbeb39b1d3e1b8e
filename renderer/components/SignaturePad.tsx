import { useEffect, useRef } from 'react';

/**
 * A drawing surface for a signature: finger, stylus or mouse (pointer events,
 * so touch screens in the procedure room work). The ink is dark on a
 * transparent background so it prints on white. Keyboard users record a
 * signature on paper instead; the form offers both.
 */
export function SignaturePad({ label, onInk, padRef }: {
  label: string;
  /** Called when ink is first drawn and when the pad is cleared. */
  onInk: (hasInk: boolean) => void;
  /** Gives the parent the canvas, to read the PNG when saving. */
  padRef: React.RefObject<HTMLCanvasElement | null>;
}) {
  const drawing = useRef(false);
  const inked = useRef(false);

  useEffect(() => {
    const canvas = padRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    context.lineWidth = 2.5;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.strokeStyle = '#14143c';
  }, [padRef]);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - rect.left) * e.currentTarget.width) / rect.width, y: ((e.clientY - rect.top) * e.currentTarget.height) / rect.height };
  };

  return (
    <div className="signature-pad">
      <canvas
        ref={padRef}
        width={480}
        height={160}
        role="img"
        aria-label={label}
        onPointerDown={(e) => {
          const context = e.currentTarget.getContext('2d');
          if (!context) return;
          e.currentTarget.setPointerCapture(e.pointerId);
          drawing.current = true;
          const p = point(e);
          context.beginPath();
          context.moveTo(p.x, p.y);
        }}
        onPointerMove={(e) => {
          const context = e.currentTarget.getContext('2d');
          if (!drawing.current || !context) return;
          const p = point(e);
          context.lineTo(p.x, p.y);
          context.stroke();
          if (!inked.current) {
            inked.current = true;
            onInk(true);
          }
        }}
        onPointerUp={() => {
          drawing.current = false;
        }}
      />
      <button type="button" className="secondary" onClick={() => {
        const canvas = padRef.current;
        canvas?.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
        inked.current = false;
        onInk(false);
      }}>
        Clear signature
      </button>
    </div>
  );
}
