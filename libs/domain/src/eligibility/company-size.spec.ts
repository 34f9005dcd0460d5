import { classifyCompanySize } from './company-size';

const OKU = 100_000_000;
const MAN = 10_000;

describe('classifyCompanySize (中小企業基本法)', () => {
  it.each`
    rule                                                      | industry           | kind                | capital           | employeeCount | sizeClass          | reason
    ${'製造業 小規模: 従業員 20人 (capital irrelevant)'}      | ${'manufacturing'} | ${'corporation'}    | ${50 * OKU}       | ${20}         | ${'smallBusiness'} | ${'従業員数 20人 ≤ 20人 のため小規模事業者'}
    ${'製造業 21人, 資本金 ちょうど3億 → 中小 by capital'}    | ${'manufacturing'} | ${'corporation'}    | ${3 * OKU}        | ${21}         | ${'sme'}           | ${'資本金 3億円 ≤ 3億円 のため中小企業者'}
    ${'製造業 資本金 3億+1円, 従業員 ちょうど300人 → 中小'}   | ${'manufacturing'} | ${'corporation'}    | ${3 * OKU + 1}    | ${300}        | ${'sme'}           | ${'従業員数 300人 ≤ 300人 のため中小企業者'}
    ${'製造業 資本金 3億+1円, 301人 → 中堅'}                  | ${'manufacturing'} | ${'corporation'}    | ${3 * OKU + 1}    | ${301}        | ${'midsize'}       | ${'資本金 300,000,001円 > 3億円 かつ 従業員数 301人 > 300人 のため中小企業者に該当せず、資本金 300,000,001円 < 10億円 のため中堅企業'}
    ${'中堅 boundary: 資本金 10億−1円 → 中堅'}                | ${'manufacturing'} | ${'corporation'}    | ${10 * OKU - 1}   | ${301}        | ${'midsize'}       | ${'< 10億円 のため中堅企業'}
    ${'中堅 boundary: 資本金 ちょうど10億 → 大企業'}          | ${'manufacturing'} | ${'corporation'}    | ${10 * OKU}       | ${301}        | ${'large'}         | ${'資本金 10億円 ≥ 10億円 のため大企業'}
    ${'建設業 uses 製造業その他 thresholds: 300人 → 中小'}    | ${'construction'}  | ${'corporation'}    | ${4 * OKU}        | ${300}        | ${'sme'}           | ${'建設業: 従業員数 300人 ≤ 300人'}
    ${'運輸業 小規模: 20人'}                                  | ${'transport'}     | ${'corporation'}    | ${4 * OKU}        | ${20}         | ${'smallBusiness'} | ${'運輸業: 従業員数 20人 ≤ 20人'}
    ${'その他 21人 資本金 3億 → 中小'}                        | ${'other'}         | ${'corporation'}    | ${3 * OKU}        | ${21}         | ${'sme'}           | ${'その他の業種: 資本金 3億円 ≤ 3億円'}
    ${'卸売業 小規模: 5人'}                                   | ${'wholesale'}     | ${'corporation'}    | ${5 * OKU}        | ${5}          | ${'smallBusiness'} | ${'従業員数 5人 ≤ 5人 のため小規模事業者'}
    ${'卸売業 6人 → not 小規模; 資本金 1億 → 中小'}           | ${'wholesale'}     | ${'corporation'}    | ${1 * OKU}        | ${6}          | ${'sme'}           | ${'資本金 1億円 ≤ 1億円 のため中小企業者（従業員数 6人 > 小規模の上限 5人）'}
    ${'卸売業 資本金 1億+1, 100人 → 中小'}                    | ${'wholesale'}     | ${'corporation'}    | ${1 * OKU + 1}    | ${100}        | ${'sme'}           | ${'従業員数 100人 ≤ 100人'}
    ${'卸売業 資本金 1億+1, 101人 → 中堅'}                    | ${'wholesale'}     | ${'corporation'}    | ${1 * OKU + 1}    | ${101}        | ${'midsize'}       | ${'101人 > 100人'}
    ${'サービス業 小規模: 5人'}                               | ${'service'}       | ${'corporation'}    | ${5 * OKU}        | ${5}          | ${'smallBusiness'} | ${'サービス業: 従業員数 5人 ≤ 5人'}
    ${'サービス業 6人, 資本金 5,000万 → 中小'}                | ${'service'}       | ${'corporation'}    | ${5000 * MAN}     | ${6}          | ${'sme'}           | ${'資本金 5,000万円 ≤ 5,000万円'}
    ${'サービス業 資本金 5,000万+1, 100人 → 中小'}            | ${'service'}       | ${'corporation'}    | ${5000 * MAN + 1} | ${100}        | ${'sme'}           | ${'従業員数 100人 ≤ 100人'}
    ${'サービス業 資本金 5,000万+1, 101人 → 中堅'}            | ${'service'}       | ${'corporation'}    | ${5000 * MAN + 1} | ${101}        | ${'midsize'}       | ${'101人 > 100人'}
    ${'小売業 小規模: 5人'}                                   | ${'retail'}        | ${'corporation'}    | ${5 * OKU}        | ${5}          | ${'smallBusiness'} | ${'小売業: 従業員数 5人 ≤ 5人'}
    ${'小売業 6人, 資本金 5,000万 → 中小'}                    | ${'retail'}        | ${'corporation'}    | ${5000 * MAN}     | ${6}          | ${'sme'}           | ${'資本金 5,000万円 ≤ 5,000万円'}
    ${'小売業 資本金 5,000万+1, 50人 → 中小'}                 | ${'retail'}        | ${'corporation'}    | ${5000 * MAN + 1} | ${50}         | ${'sme'}           | ${'従業員数 50人 ≤ 50人'}
    ${'小売業 資本金 5,000万+1, 51人 → 中堅'}                 | ${'retail'}        | ${'corporation'}    | ${5000 * MAN + 1} | ${51}         | ${'midsize'}       | ${'51人 > 50人'}
    ${'個人事業者 ignores capital: 製造業 21人 → 中小'}       | ${'manufacturing'} | ${'soleProprietor'} | ${50 * OKU}       | ${300}        | ${'sme'}           | ${'製造業・個人事業者: 従業員数 300人 ≤ 300人'}
    ${'個人事業者 above 300人 → large (no capital, no 中堅)'} | ${'manufacturing'} | ${'soleProprietor'} | ${1}              | ${301}        | ${'large'}         | ${'資本金がないため中堅企業にも該当せず大企業'}
    ${'個人事業者 サービス業 5人 → 小規模'}                   | ${'service'}       | ${'soleProprietor'} | ${undefined}      | ${5}          | ${'smallBusiness'} | ${'サービス業・個人事業者: 従業員数 5人 ≤ 5人'}
    ${'法人 with unknown capital, 101人 小売業 → large'}      | ${'retail'}        | ${'corporation'}    | ${undefined}      | ${101}        | ${'large'}         | ${'従業員数 101人 > 50人 のため中小企業者に該当せず'}
  `('$rule', ({ industry, kind, capital, employeeCount, sizeClass, reason }) => {
    const result = classifyCompanySize({ industry, kind, capital, employeeCount });
    expect(result.sizeClass).toBe(sizeClass);
    expect(result.isSme).toBe(sizeClass === 'smallBusiness' || sizeClass === 'sme');
    expect(result.reason).toContain(reason);
  });

  it.each`
    rule                         | input
    ${'negative employee count'} | ${{ industry: 'retail', kind: 'corporation', capital: 1, employeeCount: -1 }}
    ${'fractional employees'}    | ${{ industry: 'retail', kind: 'corporation', capital: 1, employeeCount: 1.5 }}
    ${'negative capital'}        | ${{ industry: 'retail', kind: 'corporation', capital: -1, employeeCount: 10 }}
    ${'unknown industry'}        | ${{ industry: 'mining', kind: 'corporation', capital: 1, employeeCount: 10 }}
  `('rejects invalid input: $rule', ({ input }) => {
    expect(() => classifyCompanySize(input)).toThrow(RangeError);
  });
});
