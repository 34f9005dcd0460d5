import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsInstant } from '../../../common/is-instant.decorator';

export class TransitionDto {
  @ApiPropertyOptional({
    description:
      '理由。ワークフローが理由を求める操作 (差戻し・取下げ・要件不適合など: GET /api/applications/:id の transitions[].requiresReason) では必須、空白だけは不可。ほかの操作 (不採択など) では任意 (与えれば監査ログに残る)',
    example: '事業計画書の3ページが欠落しています',
  })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  reason?: string;

  @ApiPropertyOptional({ description: '画面で見ていた version。現在の version と違えば 409 (他の人が先に更新した)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  expectedVersion?: number;
}

export class BulkTransitionDto {
  @ApiProperty({ example: 'startFormalCheck' }) @IsString() @MinLength(1) @MaxLength(100) transition!: string;
  @ApiPropertyOptional({ type: [String], description: '対象の申請ID (filter と排他)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10_000)
  @IsUUID('4', { each: true, message: 'ids には申請のIDを指定してください' })
  ids?: string[];
  @ApiPropertyOptional({ description: '一覧と同じ filter (roundId, categoryId, status, prefecture, sizeClass, q)。最大10,000件' })
  @IsOptional()
  @IsObject()
  filter?: Record<string, unknown>;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) reason?: string;
}

export class AssignReviewerDto {
  @ApiProperty() @IsUUID('4', { message: 'reviewerId は審査員のIDを指定してください' }) reviewerId!: string;
  @ApiPropertyOptional({ example: '2022-04-15T17:00:00+09:00' }) @IsOptional() @IsInstant() dueAt?: string;
}
