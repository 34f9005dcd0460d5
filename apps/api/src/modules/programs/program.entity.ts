import type { ProgramKind, WorkflowKind } from '@jimukyoku/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** 事業 / 補助事業: a subsidy or benefit programme. */
@Entity('program')
export class Program {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) kind!: ProgramKind;
  @Column({ name: 'workflow_kind', type: 'text' }) workflowKind!: WorkflowKind;
  @Column({ type: 'text', nullable: true }) assumption!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
