import type { ApplicantKind, ExpenseLine, MonthlySales, SizeClass } from '@jimukyoku/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** bigint yen columns come back from pg as strings; amounts stay far below 2^53. */
export const yenColumn = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

export interface CertifiedAdvisorInfo {
  name?: string;
  id?: string;
  isFinancialInstitution?: boolean;
}

/** The 金融機関 that confirmed the plan (金融機関による確認書): a subsidy above 3,000万 needs one (financialInstitutionAbove30M). */
export interface FinancialInstitutionInfo {
  name?: string;
}

export interface FormalCheckRecord {
  code: string;
  label: string;
  passed: boolean | null;
  comment: string | null;
  /** why 適 although the system suggested 不適 (formal-check's passNeedsReason items) */
  overrideReason?: string | null;
}

/** The 要件確認 as stored: the workflow's formalCheckPassed guard reads `passed`. */
export interface FormalCheckOutcome {
  passed: boolean;
  /** codes of the items that failed */
  failedItems?: string[];
  /** true once the reviewer completed it (pass, return or ineligible) */
  completed?: boolean;
  items?: FormalCheckRecord[];
  checkedBy?: string;
  checkedAt?: string;
}

/** 事前確認 by a 登録確認機関 (事業復活支援金): the 事前確認通知番号 and the 機関名, as the applicant reported them. */
export interface PreCheckRecord {
  confirmationNumber: string;
  agencyName: string;
}

/** 申請: one applicant's request in one round and category, with its workflow state. */
@Entity('application')
export class Application {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'round_id', type: 'uuid' }) roundId!: string;
  @Column({ name: 'category_id', type: 'uuid' }) categoryId!: string;
  /** the 類型 it was reconsidered out of (再審査, docs/reconsideration.md); null: never moved */
  @Column({ name: 'reconsidered_from_category_id', type: 'uuid', nullable: true }) reconsideredFromCategoryId!: string | null;
  /** 受付番号, assigned at intake */
  @Column({ name: 'receipt_number', type: 'text', nullable: true }) receiptNumber!: string | null;
  @Column({ type: 'text' }) status!: string;
  @Column({ name: 'workflow_code', type: 'text' }) workflowCode!: string;
  @Column({ name: 'workflow_version', type: 'integer' }) workflowVersion!: number;
  /** optimistic lock: every transition compares and bumps it */
  @Column({ type: 'integer' }) version!: number;
  @Column({ name: 'applicant_kind', type: 'text' }) applicantKind!: ApplicantKind;
  @Column({ name: 'applicant_name', type: 'text' }) applicantName!: string;
  @Column({ name: 'corporate_number', type: 'text', nullable: true }) corporateNumber!: string | null;
  /** インボイス登録番号 (T + 13 digits), optional: an exact match of the applicant's history (docs/applicant-history.md) */
  @Column({ name: 'invoice_number', type: 'text', nullable: true }) invoiceNumber!: string | null;
  /** 所在地 / 住所, optional: with the name and 生年月日, a 個人事業者's probable match (推定一致) */
  @Column({ type: 'text', nullable: true }) address!: string | null;
  /** 生年月日 (YYYY-MM-DD) of a 個人事業者, optional */
  @Column({ name: 'birth_date', type: 'date', nullable: true }) birthDate!: string | null;
  @Column({ name: 'size_class', type: 'text' }) sizeClass!: SizeClass;
  @Column({ name: 'employee_count', type: 'integer' }) employeeCount!: number;
  @Column({ type: 'bigint', nullable: true, transformer: yenColumn }) capital!: number | null;
  @Column({ type: 'text' }) prefecture!: string;
  @Column({ type: 'text', nullable: true }) industry!: string | null;
  @Column({ type: 'text' }) email!: string;
  @Column({ name: 'contact_person', type: 'text', nullable: true }) contactPerson!: string | null;
  @Column({ name: 'certified_advisor', type: 'jsonb', nullable: true }) certifiedAdvisor!: CertifiedAdvisorInfo | null;
  @Column({ name: 'financial_institution', type: 'jsonb', nullable: true }) financialInstitution!: FinancialInstitutionInfo | null;
  /** 年間売上高 (yen), as declared; null: not declared */
  @Column({ name: 'annual_revenue', type: 'bigint', nullable: true, transformer: yenColumn }) annualRevenue!: number | null;
  /** 赤字: the previous fiscal year was loss-making, as declared; null: not declared */
  @Column({ name: 'loss_making', type: 'boolean', nullable: true }) lossMaking!: boolean | null;
  /** 再生事業者, as declared; null: not declared */
  @Column({ name: 'in_rehabilitation', type: 'boolean', nullable: true }) inRehabilitation!: boolean | null;
  /** 参加事業者数 of a group application, the applicant included; null: applies alone */
  @Column({ name: 'participant_count', type: 'integer', nullable: true }) participantCount!: number | null;
  /** 都道府県数 a regional community covers (地域DX促進活動支援事業); null: not declared */
  @Column({ name: 'prefecture_count', type: 'integer', nullable: true }) prefectureCount!: number | null;
  @Column({ name: 'plan_title', type: 'text', nullable: true }) planTitle!: string | null;
  @Column({ name: 'plan_summary', type: 'text', nullable: true }) planSummary!: string | null;
  @Column({ type: 'jsonb' }) expenses!: ExpenseLine[];
  @Column({ name: 'monthly_sales', type: 'jsonb' }) monthlySales!: MonthlySales[];
  @Column({ name: 'benefit_input', type: 'jsonb', nullable: true }) benefitInput!: Record<string, unknown> | null;
  /** 事業復活支援金: the 事前確認 the application arrived with (null: none, or not a benefit) */
  @Column({ name: 'pre_check', type: 'jsonb', nullable: true }) preCheck!: PreCheckRecord | null;
  /** 事業復活支援金: an earlier 一時支援金/月次支援金 recipient, exempt from the 事前確認 (guard previousRecipient) */
  @Column({ name: 'previous_recipient', type: 'boolean', default: false }) previousRecipient!: boolean;
  /** the quote as computed when the application was last submitted (QuoteResult or BenefitResult) */
  @Column({ type: 'jsonb', nullable: true }) quote!: Record<string, unknown> | null;
  /** the 申請額: what the rules give (the quote's amount), or the applicant's requestedAmount where that is less */
  @Column({ name: 'quoted_amount', type: 'bigint', transformer: yenColumn }) quotedAmount!: number;
  /** the 申請額 the applicant asked for (intake, import); null: not given, the rules' amount is asked for */
  @Column({ name: 'requested_amount', type: 'bigint', nullable: true, transformer: yenColumn }) requestedAmount!: number | null;
  @Column({ type: 'jsonb', nullable: true }) eligibility!: Record<string, unknown> | null;
  /** the 要件確認 as the reviewer recorded it (draft answers until completed) */
  @Column({ name: 'formal_check', type: 'jsonb', nullable: true }) formalCheck!: FormalCheckOutcome | null;
  /** 加点項目 the applicant claims: codes of the round × category rubric's bonus items */
  @Column({ name: 'claimed_bonus_items', type: 'jsonb', default: () => "'[]'::jsonb" }) claimedBonusItems!: string[];
  @Column({ name: 'correction_due_at', type: 'timestamptz', nullable: true }) correctionDueAt!: Date | null;
  @Column({ name: 'received_at', type: 'timestamptz', nullable: true }) receivedAt!: Date | null;
  /** accepted after closesAt, inside the round's grace window */
  @Column({ name: 'received_in_grace', type: 'boolean', default: false }) receivedInGrace!: boolean;
  /** the intake channel it arrived through */
  @Column({ name: 'channel_id', type: 'uuid', nullable: true }) channelId!: string | null;
  /** the bulk import it came from */
  @Column({ name: 'import_id', type: 'uuid', nullable: true }) importId!: string | null;
  /** instants stamped by transitions (submittedAt, decidedAt, …), ISO strings */
  @Column({ type: 'jsonb' }) stamps!: Record<string, string>;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
