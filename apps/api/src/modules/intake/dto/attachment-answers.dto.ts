import { ApiProperty } from '@nestjs/swagger';
import { IntakeAttachmentDto } from './intake-answers.dto';

/**
 * An attachment as staff see it (attachments.service.ts `viewOf`, never its storage key): what the portal was
 * answered at upload, with the application, the kind's name and when it came. case-answers.e2e.ts checks it.
 */
export class AttachmentViewDto extends IntakeAttachmentDto {
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ description: '種類の表示名 (例 事業計画書)' }) kindLabel!: string;
  @ApiProperty({ type: String, format: 'date-time' }) uploadedAt!: string;
}
