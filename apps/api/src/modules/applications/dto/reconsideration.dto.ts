import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { HasText } from '../../../common/has-text.decorator';

/** 別の類型で再審査: the 類型 it moves to and why (docs/reconsideration.md). */
export class ReconsiderationDto {
  @ApiProperty({ description: '再審査する類型のID (申請の画面の reconsiderationTargets のいずれか)', format: 'uuid' })
  @IsUUID('all', { message: 'categoryId には再審査する類型のIDを指定してください' })
  categoryId!: string;

  @ApiProperty({
    description: '理由 (監査ログに残り、申請者への通知にも載ります)',
    example: '緊急事態宣言特別枠の採択ラインに届かなかったため、通常枠で再審査する',
  })
  @IsString({ message: 'reason (理由) を入力してください' })
  @HasText('reason (理由) を入力してください')
  @MaxLength(4000, { message: 'reason (理由) は4000文字以内で入力してください' })
  reason!: string;

  @ApiPropertyOptional({ description: '画面で見ていた version。現在の version と違えば 409 (他の人が先に更新した)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  expectedVersion?: number;
}
