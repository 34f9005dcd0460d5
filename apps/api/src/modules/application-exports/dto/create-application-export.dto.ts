import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional } from 'class-validator';

export class CreateApplicationExportDto {
  @ApiPropertyOptional({ enum: ['csv', 'xlsx'], default: 'csv', description: 'csv (UTF-8, BOM付き) または xlsx (Excel)' })
  @IsOptional()
  @IsIn(['csv', 'xlsx'], { message: 'format は csv か xlsx を指定してください' })
  format?: 'csv' | 'xlsx';

  @ApiPropertyOptional({
    description: '申請の一覧と同じ filter (roundId, categoryId, status (配列可), prefecture, sizeClass, q, id)。省略すると見られる申請すべて',
    example: { roundId: '00000000-0000-4000-8000-000000000000', status: ['submitted'] },
  })
  @IsOptional()
  @IsObject({ message: 'filter はJSONオブジェクトで指定してください' })
  filter?: Record<string, unknown>;
}
