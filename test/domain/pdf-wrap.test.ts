import { describe, expect, it } from 'vitest';
import { wrapText } from '../../src/report/pdf/wrap';
import { rng } from '../random';

/** 0.5 per ASCII character, 1 per any other character (CJK). */
const measure = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x80 ? 0.5 : 1), 0);

describe('wrapText', () => {
  it.each([
    // [case, text, maxWidth, expected lines]
    ['breaks between CJK characters', '一二三四五六七', 3, ['一二三', '四五六', '七']],
    ['keeps a line that fits exactly', '一二三', 3, ['一二三']],
    ['empty text', '', 3, ['']],
    ['breaks Latin text at spaces', 'hello world foo', 6, ['hello world', 'foo']],
    ['keeps a Latin word with its CJK neighbours breakable', '使用ERP系统', 3, ['使用', 'ERP系', '统']],
    ['breaks between Latin and CJK without spaces', 'AI赋能', 2, ['AI赋', '能']],
    ['keeps numbers together, hard-breaking one longer than a line', '共12345家', 2, ['共', '1234', '5家']],
    ['hard-breaks a Latin word longer than a line', 'abcdefghij', 2, ['abcd', 'efgh', 'ij']],
    ['moves a long word to its own line before breaking it', '一 abcdefgh', 2, ['一', 'abcd', 'efgh']],
    ['never starts a line with ，', '一二三，四', 3, ['一二', '三，四']],
    ['never starts a line with 。', '一二三四。', 4, ['一二三', '四。']],
    ['never starts a line with 、', '甲乙丙、丁', 3, ['甲乙', '丙、丁']],
    ['never starts a line with ）', '一二（三）四', 3, ['一二', '（三）', '四']],
    ['never starts a line with ……', '一二三……', 3, ['一二', '三……']],
    ['never starts a line with ％', '达到90％以上', 3, ['达到', '90％以', '上']],
    ['never starts a line with ASCII %', '甲乙丙%丁', 3, ['甲乙', '丙%丁']],
    ['never starts a line with ASCII , after CJK', '甲乙丙,丁', 3, ['甲乙', '丙,丁']],
    ['never starts a line with ASCII ) after CJK', '甲乙)丙', 2, ['甲', '乙)', '丙']],
    ['never ends a line with （', '一二（三四', 3, ['一二', '（三四']],
    ['never ends a line with 《', '参见《指南》', 3, ['参见', '《指', '南》']],
    ['never ends a line with “', '他说“好”', 3, ['他说', '“好”']],
    ['never ends a line with ASCII (', '一二(ab)三', 3, ['一二', '(ab)三']],
    ['gives way when one cluster is wider than a line', '（一）', 2, ['（一', '）']],
    ['honours explicit newlines', '一二\n三四五六', 3, ['一二', '三四五', '六']],
    ['keeps empty paragraphs', 'a\n\nb', 3, ['a', '', 'b']],
    ['treats CRLF as one newline', 'a\r\nb', 3, ['a', 'b']],
    ['drops spaces at a break', 'aaaa    bbbb', 3, ['aaaa', 'bbbb']],
    ['drops trailing spaces', 'ab   ', 3, ['ab']],
    ['breaks at a space between CJK characters', '中 文', 1, ['中', '文']],
    ["keeps a paragraph's indentation", '  一二三四', 3, ['  一二', '三四']],
    ['does not break at a no-break space', 'aa\u00a0bb cc', 2.5, ['aa\u00a0b', 'b cc']],
  ] as [string, string, number, string[]][])('%s: %j at %d', (_case, text, maxWidth, expected) =>
    expect(wrapText(text, maxWidth, measure)).toEqual(expected),
  );

  it('keeps every character and fits every line unless it is one cluster', () => {
    const r = rng(7);
    const alphabet = [...'中文数字化水平，。、（）《》“”ab1 2%.(!) \n'];
    for (let n = 0; n < 500; n++) {
      const text = Array.from({ length: r.int(40) }, () => r.pick(alphabet)).join('');
      const maxWidth = 1 + r.int(8) / 2;
      const lines = wrapText(text, maxWidth, measure);
      const strip = (s: string) => s.replace(/\s/g, '');
      expect(strip(lines.join(''))).toBe(strip(text));
      expect(lines.length).toBeGreaterThanOrEqual(text.split('\n').length);
      for (const [i, line] of lines.entries()) {
        if (measure(line) > maxWidth) expect([...line.trim()].length, `line ${i} of ${JSON.stringify(text)}`).toBe(1);
        if (i > 0 && lines[i - 1] !== '' && !text.includes('\n')) expect(line.startsWith(' ')).toBe(false);
      }
    }
  });
});
