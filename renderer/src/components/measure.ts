// How wide a text is drawn in the page's own font (a canvas measures it), so a column or an axis
// is given the room its labels need, in Chinese as in English, whatever fonts the computer has.
let ctx: CanvasRenderingContext2D | null | undefined;

export function textWidth(text: string, px = 14, weight = 400): number {
  if (ctx === undefined) ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return [...text].length * px;
  // antd's own font (its App root carries it), which its tables and charts' cards use.
  ctx.font = `${weight} ${px}px ${getComputedStyle(document.querySelector('.ant-app') ?? document.body).fontFamily}`;
  return ctx.measureText(text).width;
}

/** A table column as wide as its header needs (bold 14px and the cell's padding), at least `min`. */
export function headerWidth(title: string, min: number): number {
  return Math.max(min, Math.ceil(textWidth(title, 14, 600) + 26));
}
