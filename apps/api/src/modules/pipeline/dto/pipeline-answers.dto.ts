import { STATE_TONES } from '@jimukyoku/workflow';
import { ApiProperty } from '@nestjs/swagger';

/** What the dashboard's routes answer on success, as OpenAPI describes it (pipeline.service.ts `RoundPipeline`, `remindReviewer`). */
export class PipelineStateCountDto {
  @ApiProperty({ description: '状態 (コード)' }) code!: string;
  @ApiProperty({ description: '状態の表示名' }) label!: string;
  @ApiProperty({ enum: STATE_TONES, description: '表示の色合い' }) tone!: string;
  @ApiProperty({ type: 'integer' }) count!: number;
}

export class PipelineCategoryDto {
  @ApiProperty({ format: 'uuid' }) categoryId!: string;
  @ApiProperty() categoryName!: string;
  @ApiProperty({ type: 'integer', description: '申請の件数 (下書きを除く)' }) applied!: number;
  @ApiProperty({ type: 'integer', nullable: true, description: '予算 (円)' }) budget!: number | null;
  @ApiProperty({ type: 'integer', description: '採択済 (採択枠を占める状態) の件数' }) adopted!: number;
  @ApiProperty({ type: 'integer', description: '採択済の申請額の合計 (円)' }) adoptedAmount!: number;
}

export class PipelineReviewDto {
  @ApiProperty({ type: 'integer', description: '未完了の要件確認' }) formalChecksOpen!: number;
  @ApiProperty({ type: 'integer', description: '提出済みの採点票' }) sheetsSubmitted!: number;
  @ApiProperty({ type: 'integer', description: '未提出の採点票' }) sheetsOpen!: number;
  @ApiProperty({ type: 'integer', description: '期限を過ぎた未提出の採点票' }) sheetsOverdue!: number;
}

export class PipelineIntakeDayDto {
  @ApiProperty({ format: 'date', description: '日本時間の日付 (YYYY-MM-DD)', example: '2022-03-24' }) day!: string;
  @ApiProperty({ type: 'integer', description: 'その日の受付件数' }) count!: number;
}

export class PipelineReviewerDto {
  @ApiProperty({ format: 'uuid' }) reviewerId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'integer' }) assigned!: number;
  @ApiProperty({ type: 'integer' }) submitted!: number;
  @ApiProperty({ type: 'integer' }) overdue!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '未提出のうち最も早い審査期限' }) nextDueAt!: string | null;
}

export class RoundPipelineDto {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty() roundName!: string;
  @ApiProperty() programName!: string;
  @ApiProperty({ type: String, format: 'date-time' }) opensAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) closesAt!: string;
  @ApiProperty({ type: String, format: 'date-time', description: '締切 (猶予を含む)' }) deadline!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '採択発表の開始' }) announcementFrom!: string | null;
  @ApiProperty({ type: 'integer', description: '申請の件数' }) total!: number;
  @ApiProperty({ description: '採択で決める手続 (給付金は false)' }) hasAdoption!: boolean;
  @ApiProperty({ type: [PipelineStateCountDto], description: '状態ごとの件数 (手続定義の順)' }) states!: PipelineStateCountDto[];
  @ApiProperty({ type: [PipelineCategoryDto] }) categories!: PipelineCategoryDto[];
  @ApiProperty({ type: [String], description: '採択枠を占める状態のコード (一覧へのリンク用)' }) holdsSlotStates!: string[];
  @ApiProperty({ type: PipelineReviewDto }) review!: PipelineReviewDto;
  @ApiProperty({ type: [PipelineIntakeDayDto], description: '受付開始日から締切日までの日ごとの受付件数' }) intake!: PipelineIntakeDayDto[];
  @ApiProperty({ type: [PipelineReviewerDto], description: '審査員ごとの進み具合' }) reviewers!: PipelineReviewerDto[];
}

export class ReviewerReminderDto {
  @ApiProperty({ format: 'uuid' }) reviewerId!: string;
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ type: 'integer', description: '送信を予約した催促の件数' }) queued!: number;
  @ApiProperty({ type: [String], format: 'uuid', description: '催促した割当のID' }) assignmentIds!: string[];
  @ApiProperty({ type: [String], format: 'uuid', description: '作成した通知のID' }) notificationIds!: string[];
}
