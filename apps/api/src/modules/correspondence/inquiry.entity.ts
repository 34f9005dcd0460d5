import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const INQUIRY_CHANNELS = ['phone', 'email', 'counter'] as const;
export type InquiryChannel = (typeof INQUIRY_CHANNELS)[number];
export const INQUIRY_DIRECTIONS = ['inbound', 'outbound'] as const;
export type InquiryDirection = (typeof INQUIRY_DIRECTIONS)[number];

/** 問い合わせ: one exchange with the applicant about an application (電話 / メール / 窓口, 受信 / 発信). */
@Entity('inquiry')
export class Inquiry {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'application_id', type: 'uuid' }) applicationId!: string;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt!: Date;
  @Column({ type: 'text' }) channel!: InquiryChannel;
  @Column({ type: 'text' }) direction!: InquiryDirection;
  @Column({ type: 'text' }) summary!: string;
  /** the staff member who handled it (the one who records it) */
  @Column({ name: 'staff_id', type: 'uuid' }) staffId!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
