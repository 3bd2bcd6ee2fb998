/** How staff are named in pickers and lists: two people of one name are told apart (shared/schemas/reference.ts). */
import { describe, expect, it } from 'vitest';
import { staffLabels, type Staff } from '../../../../shared/schemas/reference';

type Entry = Pick<Staff, 'id' | 'name' | 'post' | 'kind' | 'committee'>;
const staff = (id: string, name: string, post: string | null = null): Entry => ({ id, name, post, kind: 'staff', committee: null });
const mediator = (id: string, name: string, committee: string): Entry => ({ id, name, post: null, kind: 'mediator', committee });

describe('staffLabels', () => {
  it.each<[string, Entry[], string[]]>([
    ['a name nobody else has is the bare name', [staff('1', '王芳', '司法所所长'), staff('2', '李四')], ['王芳', '李四']],
    ['a mediator carries the committee, as before', [mediator('1', '赵调解', '东村人民调解委员会')], ['赵调解（东村人民调解委员会）']],
    [
      'namesakes with different posts are told apart by post',
      [staff('1', '王芳', '司法所所长'), staff('2', '王芳', '专职调解员')],
      ['王芳（司法所所长）', '王芳（专职调解员）'],
    ],
    [
      'namesakes with one post: the first keeps the name, the next is （二）',
      [staff('2', '王芳', '调解员'), staff('1', '王芳', '调解员')],
      ['王芳（二）', '王芳'],
    ],
    [
      'namesakes without posts, in the order they were entered',
      [staff('3', '王芳'), staff('1', '王芳'), staff('2', '王芳')],
      ['王芳（三）', '王芳', '王芳（二）'],
    ],
    [
      'a unique post tells one apart; the others are numbered among themselves',
      [staff('1', '王芳', '调解员'), staff('2', '王芳', '所长'), staff('3', '王芳', '调解员')],
      ['王芳', '王芳（所长）', '王芳（二）'],
    ],
    [
      'a staff member and a mediator of one name: post and committee',
      [staff('1', '王芳', '司法所所长'), mediator('2', '王芳', '东村人民调解委员会')],
      ['王芳（司法所所长）', '王芳（东村人民调解委员会）'],
    ],
    ['a blank post counts as none', [staff('1', '王芳', ' '), staff('2', '王芳', '所长')], ['王芳', '王芳（所长）']],
  ])('%s', (_, register, expected) => {
    const labels = staffLabels(register);
    expect(register.map((s) => labels.get(s.id))).toEqual(expected);
  });
});
