import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { HasText } from '../../../common/has-text.decorator';
import { ReadOnlyRecordFields } from '../../../common/record-echo';

export class TemplateTextDto {
  @ApiProperty({ example: '【補助金事務局】申請を受け付けました（受付番号 {{receiptNumber}}）' })
  @IsString()
  @HasText('subject (件名) を入力してください')
  @MaxLength(300, { message: 'subject (件名) は300文字以内にしてください' })
  subject!: string;

  @ApiProperty({ example: '{{applicantName}} 様\n\n申請を受け付けました。' })
  @IsString()
  @HasText('bodyText (本文) を入力してください')
  @MaxLength(20_000, { message: 'bodyText (本文) は20,000文字以内にしてください' })
  bodyText!: string;
}

/** PUT: the edited text becomes a new version; `version` is the one the editor started from (409 if another was saved since). */
@ReadOnlyRecordFields(
  'id',
  'code',
  'label',
  'audience',
  'name',
  'workflowKind',
  'variants',
  'variables',
  'versionCount',
  'updatedAt',
  'updatedById',
  'updatedByName',
)
export class SaveTemplateDto extends TemplateTextDto {
  // required: a save without it would overwrite, unseen, a version someone else saved meanwhile
  @ApiProperty({ description: '編集を始めた版 (GET で読んだ version。その後に別の版が保存されていれば 409)' })
  @IsInt({ message: 'version (編集を始めた版) を指定してください。テンプレートを読み込んだときの version をそのまま送ってください' })
  @Min(0, { message: 'version (編集を始めた版) は0以上の整数です' })
  @Max(2_147_483_647)
  version!: number;
}

/** POST …/preview: a draft rendered against a real application (by id or 受付番号; the latest received one if neither). */
export class PreviewTemplateDto extends TemplateTextDto {
  @ApiPropertyOptional({ description: '申請ID' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  applicationId?: string;

  @ApiPropertyOptional({ example: 'RES05-00012345', description: '受付番号' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  receiptNumber?: string;
}
