// Pinyin initials for name search (张三丰 -> zsf; polyphones such as 重庆 -> cq handled by pinyin-pro).
import { pinyin } from 'pinyin-pro';

export function nameInitials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .replace(/[^a-zA-Z0-9]/g, '')
    .toLowerCase();
}
