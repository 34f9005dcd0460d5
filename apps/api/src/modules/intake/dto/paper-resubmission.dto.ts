import { ApiProperty } from '@nestjs/swagger';
import { ATTACHMENT_KINDS } from '@jimukyoku/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, IsObject, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IntakeApplicationDto } from './intake-application.dto';
import { HasText } from '../../../common/has-text.decorator';

const DOCUMENT_KINDS = Object.keys(ATTACHMENT_KINDS);

/**
 * 補正 received on paper: the corrected application as a whole (the same payload and checks as an
 * intake channel's resubmission), the documents that came with it, and the staff member's note.
 */
export class PaperResubmissionDto {
  @ApiProperty({ type: IntakeApplicationDto, description: '補正後の申請内容全体 (電子申請の再提出と同じ形式・同じ確認)' })
  @IsDefined({ message: 'application (補正後の申請内容) を入力してください' })
  @IsObject({ message: 'application (補正後の申請内容) は項目名と値の組 (オブジェクト) で指定してください' })
  @ValidateNested()
  @Type(() => IntakeApplicationDto)
  application!: IntakeApplicationDto;

  @ApiProperty({ type: [String], enum: DOCUMENT_KINDS, example: ['businessPlan'], description: '郵送などで受け取った補正書類の種類 (1件以上)' })
  @IsArray({ message: 'documents (受け取った補正書類) を1件以上指定してください' })
  @ArrayMinSize(1, { message: 'documents (受け取った補正書類) を1件以上指定してください' })
  @ArrayMaxSize(20)
  @IsIn(DOCUMENT_KINDS, { each: true, message: `documents には書類の種類 (${DOCUMENT_KINDS.join(', ')}) を指定してください` })
  documents!: string[];

  @ApiProperty({ example: '12月1日 簡易書留で補正書類を受領', description: '受領の記録 (受領日・方法など)。監査ログに残る' })
  @IsString({ message: 'note (受領の記録) を入力してください' })
  @HasText('note (受領の記録) を入力してください')
  @MaxLength(1000, { message: 'note (受領の記録) は1000文字以内で入力してください' })
  note!: string;
}
