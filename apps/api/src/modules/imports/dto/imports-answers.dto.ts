import { ApiProperty } from '@nestjs/swagger';

/**
 * The imports routes' answers (application-import.entity.ts without the file's storage key; import-columns.ts).
 * administration-answers.e2e.ts checks real answers against these schemas.
 */
export class ImportRowProblemDto {
  @ApiProperty({ type: 'integer', description: '行番号 (見出しが1行目)' }) row!: number;
  @ApiProperty({ description: '列または項目' }) field!: string;
  @ApiProperty({ description: '日本語の説明' }) message!: string;
}

export class ApplicationImportDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty({ enum: ['csv', 'xlsx'] }) format!: string;
  @ApiProperty({ enum: ['validRows', 'allOrNothing'], description: '正しい行だけ取り込む・全件か無しか' }) mode!: string;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'] }) status!: string;
  @ApiProperty({ type: 'integer' }) totalRows!: number;
  @ApiProperty({ type: 'integer', description: '処理した行 (進捗)' }) processedRows!: number;
  @ApiProperty({ type: 'integer' }) importedRows!: number;
  @ApiProperty({ type: 'integer' }) errorRows!: number;
  @ApiProperty({ type: [ImportRowProblemDto], description: '行ごとの誤り (先頭から一定件数まで)' }) errors!: ImportRowProblemDto[];
  @ApiProperty({ type: String, nullable: true, description: '結果の説明' }) message!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) createdBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
}

/** One column of the import file (GET /api/imports/format). */
export class ImportColumnDto {
  @ApiProperty({ example: 'categoryCode' }) key!: string;
  @ApiProperty({ description: '見出し', example: '類型コード' }) header!: string;
  @ApiProperty() required!: boolean;
  @ApiProperty({ description: '記入例' }) example!: string;
  @ApiProperty({ description: '記入方法' }) note!: string;
}
