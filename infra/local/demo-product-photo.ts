import sharp from 'sharp';

/** What a demo photo shows: a woven bag or a rolled-out mat, in the colours of the waste it is made from. */
export interface DemoPhoto {
  shape: 'bag' | 'mat';
  /** the strips' colours, woven in turn */
  strips: readonly string[];
  background: string;
}

const width = 1200;
const height = 900;
const strip = 36;

/**
 * A picture drawn as SVG and rendered to JPEG by sharp, so the demo data has photos without image files in the
 * repository: a basket weave (strips over and under in turn) clipped to the product's outline.
 */
export function drawDemoPhoto(photo: DemoPhoto): Promise<Buffer> {
  return sharp(Buffer.from(svgOf(photo)))
    .jpeg({ quality: 82 })
    .toBuffer();
}

function svgOf({ shape, strips, background }: DemoPhoto): string {
  const weave = weaveCells(strips).join('');
  const outline = shape === 'bag' ? bagOutline : matOutline;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
  <defs>
    <clipPath id="outline">${outline}</clipPath>
    <radialGradient id="light" cx="0.35" cy="0.3" r="0.9">
      <stop offset="0" stop-color="#ffffff" stop-opacity="0.35"/><stop offset="1" stop-color="#000000" stop-opacity="0.25"/>
    </radialGradient>
  </defs>
  <rect width="100%" height="100%" fill="${background}"/>
  <ellipse cx="600" cy="${shape === 'bag' ? 800 : 730}" rx="420" ry="40" fill="#000000" opacity="0.15"/>
  ${shape === 'bag' ? handles(strips[0] ?? '#6b4f2a') : ''}
  <g clip-path="url(#outline)">${weave}<rect width="100%" height="100%" fill="url(#light)"/></g>
  <g fill="none" stroke="#00000055" stroke-width="6">${outline}</g>
</svg>`;
}

/** Horizontal and vertical strips crossing in a checkerboard: each cell shows whichever strip is on top there. */
function weaveCells(strips: readonly string[]): string[] {
  const cells: string[] = [];
  for (let row = 0; row * strip < height; row += 1) {
    for (let column = 0; column * strip < width; column += 1) {
      const horizontalOnTop = (row + column) % 2 === 0;
      const colour = strips[(horizontalOnTop ? row : column + 1) % strips.length];
      const [w, h] = horizontalOnTop ? [strip, strip - 6] : [strip - 6, strip];
      cells.push(
        `<rect x="${column * strip + (strip - w) / 2}" y="${row * strip + (strip - h) / 2}" width="${w}" height="${h}" rx="4" fill="${colour}"/>`,
      );
    }
  }
  return cells;
}

const bagOutline = '<path d="M300 330 L900 330 L960 760 Q960 790 930 790 L270 790 Q240 790 240 760 Z"/>';
const matOutline = '<path d="M140 300 L980 300 L980 700 L140 700 Z"/><ellipse cx="1010" cy="500" rx="70" ry="200"/>';

function handles(colour: string): string {
  return `<g fill="none" stroke="${colour}" stroke-width="28" stroke-linecap="round">
    <path d="M440 340 Q440 140 600 140 Q760 140 760 340"/></g>`;
}

/** The demo products' photos, in the seed's order: a tote of coffee sachets, a mat of plastic bags. */
export const demoPhotos: readonly DemoPhoto[] = [
  { shape: 'bag', strips: ['#7a4a21', '#c8902e', '#b3261e', '#e8c66a'], background: '#efe6d8' },
  { shape: 'mat', strips: ['#1f5f8b', '#f2f2ec', '#3c8d5a'], background: '#dfe9e4' },
];
