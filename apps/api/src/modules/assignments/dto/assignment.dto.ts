import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { formatJst, parseInstant } from '@jimukyoku/domain';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateBy, ValidateIf } from 'class-validator';
import { IsInstant } from '../../../common/is-instant.decorator';
import { ASSIGNMENT_PURPOSE } from '../application-assignment.entity';
import { ReadOnlyRecordFields } from '../../../common/record-echo';

const PURPOSES = [ASSIGNMENT_PURPOSE.formalCheck, ASSIGNMENT_PURPOSE.review] as const;

/**
 * A 審査期限 a manager gives is still to come: one already past made the assignment overdue (and its reminder due)
 * the moment it was made. Checked on the request, not in the service, which the demo's story also drives with
 * the due dates of its past rounds; an assignment that became overdue keeps its date when reassigned.
 */
const IsDueAhead = () =>
  ValidateBy({
    name: 'isDueAhead',
    validator: {
      // a value that is no instant is IsInstant's to refuse
      validate: (value) => !parseInstant(value, 'dueAt').ok || new Date(value as string).getTime() > Date.now(),
      defaultMessage: (args) => `審査期限 (${formatJst(new Date(args?.value as string))}) が過ぎています。これから先の日時を指定してください`,
    },
  });
const purposeMessage = { message: 'purpose は formalCheck (要件確認) か review (書面審査) です' };

export class AutoAssignDto {
  @ApiPropertyOptional({ enum: PURPOSES, default: 'review', description: 'formalCheck = 要件確認 (1名)、review = 書面審査 (審査基準の人数)' })
  @IsOptional()
  @IsIn(PURPOSES, purposeMessage)
  purpose?: (typeof PURPOSES)[number];

  @ApiPropertyOptional({ description: '類型を絞る場合の category id' })
  @IsOptional()
  @IsUUID('4', { message: 'categoryId は類型のIDを指定してください' })
  categoryId?: string;

  @ApiPropertyOptional({ example: '2022-04-15T18:00:00+09:00', description: '審査期限。省略すると審査基準の審査期間から計算' })
  @IsOptional()
  @IsInstant()
  @IsDueAhead()
  dueAt?: string;
}

export class CreateAssignmentDto {
  @ApiProperty() @IsUUID('4', { message: 'applicationId は申請のIDを指定してください' }) applicationId!: string;
  @ApiProperty() @IsUUID('4', { message: 'reviewerId は審査員のIDを指定してください' }) reviewerId!: string;
  @ApiPropertyOptional({ enum: PURPOSES, default: 'review' }) @IsOptional() @IsIn(PURPOSES, purposeMessage) purpose?: (typeof PURPOSES)[number];
  @ApiPropertyOptional({ example: '2022-04-15T18:00:00+09:00' }) @IsOptional() @IsInstant() @IsDueAhead() dueAt?: string;
}

@ReadOnlyRecordFields(
  'id',
  'applicationId',
  'receiptNumber',
  'applicantName',
  'applicationStatus',
  'roundId',
  'categoryId',
  'reviewerName',
  'purpose',
  'assignedAt',
  'assignedBy',
  'submittedAt',
  'revokedAt',
  'state',
  'scoreStatus',
)
export class UpdateAssignmentDto {
  @ApiPropertyOptional({ description: '別の審査員に付け替える (元の割当は取消)' })
  @IsOptional()
  @IsUUID('4', { message: 'reviewerId は審査員のIDを指定してください' })
  reviewerId?: string;
  @ApiPropertyOptional({ nullable: true, example: '2022-04-15T18:00:00+09:00' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInstant()
  @IsDueAhead()
  dueAt?: string | null;
  @ApiPropertyOptional({ description: '付け替えの理由 (監査ログに残ります)' }) @IsOptional() @IsString() @MaxLength(1000) reason?: string;
}
