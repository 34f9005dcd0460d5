import type { CategoryConfig } from '@jimukyoku/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** 類型 / 枠: its whole configuration (caps, rates, tiers, floor, expense types …) as validated JSON. */
@Entity('category')
export class Category {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'rule_set_id', type: 'uuid' }) ruleSetId!: string;
  @Column({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) kind!: CategoryConfig['kind'];
  @Column({ type: 'jsonb' }) config!: CategoryConfig;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
