/** Picture captions and photo credits, told from body paragraphs by their opening words. */

// Picture captions and photo credits: "图为…", "（图片由…提供）", "摄影 X", "本报记者 X 摄".
const CAPTION =
  /^(图为|上图|下图|左图|右图|图\s*[①-⑳1-9][：:\s])|^[（(]?(图片|照片)(由|来源|均由).{1,30}[)）]?$|^(摄影|摄)[：:\s]\s*[\u4e00-\u9fff]{2,4}$|^(本报)?(记者|通讯员)?\s*[\u4e00-\u9fff]{2,4}\s+摄$/;

export function isCaption(paragraph: string): boolean {
  const text = paragraph.trim();
  return text.length <= 120 && CAPTION.test(text);
}
