import type { ApplicantProfile } from '../applicant';
import { judgeDeclaredSizeClass } from './declared-size-class';

const OKU = 100_000_000;
const MAN = 10_000;

const corporation = (p: Partial<ApplicantProfile>): ApplicantProfile => ({ kind: 'corporation', sizeClass: 'sme', employeeCount: 10, ...p });

describe('judgeDeclaredSizeClass (the declared 規模区分 against 資本金, 従業員数 and 業種)', () => {
  it.each`
    rule                                                                    | declared           | industry           | employeeCount | capital       | kind                | status
    ${'小売業 5人 declares 小規模'}                                         | ${'smallBusiness'} | ${'retail'}        | ${5}          | ${10 * MAN}   | ${'corporation'}    | ${'passed'}
    ${'小売業 6人 declares 小規模 (the limit is 5)'}                        | ${'smallBusiness'} | ${'retail'}        | ${6}          | ${10 * MAN}   | ${'corporation'}    | ${'failed'}
    ${'a 小規模事業者 may declare 中小 (it is one in law)'}                 | ${'sme'}           | ${'retail'}        | ${5}          | ${10 * MAN}   | ${'corporation'}    | ${'passed'}
    ${'製造業 300人 資本金 3億 declares 小規模'}                            | ${'smallBusiness'} | ${'manufacturing'} | ${300}        | ${3 * OKU}    | ${'corporation'}    | ${'failed'}
    ${'製造業 21人 資本金 3億 declares 中小'}                               | ${'sme'}           | ${'manufacturing'} | ${21}         | ${3 * OKU}    | ${'corporation'}    | ${'passed'}
    ${'製造業 5,000人 資本金 50億 declares 中小'}                           | ${'sme'}           | ${'manufacturing'} | ${5000}       | ${50 * OKU}   | ${'corporation'}    | ${'failed'}
    ${'製造業 600人 資本金 5億 declares 中小: only ゴム製品製造業 (900人)'} | ${'sme'}           | ${'manufacturing'} | ${600}        | ${5 * OKU}    | ${'corporation'}    | ${'manual'}
    ${'製造業 600人 資本金 5億 declares 中堅 (the group says so)'}          | ${'midsize'}       | ${'manufacturing'} | ${600}        | ${5 * OKU}    | ${'corporation'}    | ${'passed'}
    ${'サービス業 150人 資本金 8,000万 declares 中小: 旅館業 (200人)'}      | ${'sme'}           | ${'service'}       | ${150}        | ${8000 * MAN} | ${'corporation'}    | ${'manual'}
    ${'サービス業 250人 資本金 2億 declares 中小: ソフトウェア業 (3億)'}    | ${'sme'}           | ${'service'}       | ${250}        | ${2 * OKU}    | ${'corporation'}    | ${'manual'}
    ${'サービス業 15人 declares 小規模: 宿泊業・娯楽業 (20人)'}             | ${'smallBusiness'} | ${'service'}       | ${15}         | ${1000 * MAN} | ${'corporation'}    | ${'manual'}
    ${'サービス業 21人 declares 小規模: no exception reaches it'}           | ${'smallBusiness'} | ${'service'}       | ${21}         | ${1000 * MAN} | ${'corporation'}    | ${'failed'}
    ${'卸売業 has no exception: 101人 資本金 2億 declares 中小'}            | ${'sme'}           | ${'wholesale'}     | ${101}        | ${2 * OKU}    | ${'corporation'}    | ${'failed'}
    ${'中堅 needs 資本金 under 10億: 10億 declares 中堅'}                   | ${'midsize'}       | ${'retail'}        | ${400}        | ${10 * OKU}   | ${'corporation'}    | ${'failed'}
    ${'a 中小企業者 cannot declare 中堅'}                                   | ${'midsize'}       | ${'retail'}        | ${40}         | ${3 * OKU}    | ${'corporation'}    | ${'failed'}
    ${'a sole proprietor cannot be 中堅'}                                   | ${'midsize'}       | ${'retail'}        | ${400}        | ${undefined}  | ${'soleProprietor'} | ${'failed'}
    ${'a corporation without 資本金 cannot be shown 中堅'}                  | ${'midsize'}       | ${'retail'}        | ${400}        | ${undefined}  | ${'corporation'}    | ${'failed'}
    ${'大企業 declared as such'}                                            | ${'large'}         | ${'retail'}        | ${400}        | ${20 * OKU}   | ${'corporation'}    | ${'passed'}
    ${'no 業種: 3人 is 小規模 in every group'}                              | ${'smallBusiness'} | ${undefined}       | ${3}          | ${undefined}  | ${'corporation'}    | ${'passed'}
    ${'no 業種: 10人 is 小規模 only in 製造業その他'}                       | ${'smallBusiness'} | ${undefined}       | ${10}         | ${undefined}  | ${'corporation'}    | ${'manual'}
    ${'no 業種: 3,000人 資本金 50億 is 中小 in none'}                       | ${'sme'}           | ${undefined}       | ${3000}       | ${50 * OKU}   | ${'corporation'}    | ${'failed'}
  `('$rule → $status', ({ declared, industry, employeeCount, capital, kind, status }) => {
    const judged = judgeDeclaredSizeClass(corporation({ sizeClass: declared, industry, employeeCount, capital, kind }));
    expect(judged?.status).toBe(status);
  });

  it('names the classification and the figures it compared when it refuses', () => {
    const judged = judgeDeclaredSizeClass(corporation({ sizeClass: 'smallBusiness', industry: 'manufacturing', employeeCount: 300, capital: 3 * OKU }));
    expect(judged).toMatchObject({ status: 'failed', failure: { code: 'sizeClassDeclared.mismatch', field: 'sizeClass' } });
    const message = judged?.status === 'failed' ? judged.failure.message : '';
    expect(message).toContain('申告された規模区分（小規模事業者）');
    expect(message).toContain('資本金 3億円 ≤ 3億円 のため中小企業者');
    const unknown = judgeDeclaredSizeClass(corporation({ sizeClass: 'sme', employeeCount: 3000, capital: 50 * OKU }));
    expect(unknown?.status === 'failed' && unknown.failure.message).toBe(
      '申告された規模区分（中小企業）は、従業員数 3000人・資本金 50億円ではいずれの業種にも当たりません。規模区分を確認してください。',
    );
  });

  it('names the exceptions that would allow what only a person can confirm', () => {
    expect(judgeDeclaredSizeClass(corporation({ sizeClass: 'sme', industry: 'service', employeeCount: 150, capital: 8000 * MAN }))).toEqual({
      status: 'manual',
      allowedBy: ['ソフトウェア業・情報処理サービス業', '旅館業'],
    });
  });

  it('leaves figures that are not whole people or yen to the quote', () => {
    expect(judgeDeclaredSizeClass(corporation({ employeeCount: 2.5 }))).toBeNull();
    expect(judgeDeclaredSizeClass(corporation({ capital: -1 }))).toBeNull();
  });
});
