import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { STAFF_ROLES, StaffRole } from '../../../auth/roles';
import { HasText } from '../../../common/has-text.decorator';
import { ReadOnlyRecordFields } from '../../../common/record-echo';

export class CreateUserDto {
  @ApiProperty({ example: 'sato@jimukyoku.example.jp' })
  @IsEmail({}, { message: 'email はメールアドレスの形式で入力してください' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: '佐藤 花子' })
  @IsString()
  @HasText('name (氏名) を入力してください')
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES, { message: `role は ${STAFF_ROLES.join(', ')} のいずれかを指定してください` })
  role!: StaffRole;

  @ApiPropertyOptional({ example: '中小企業診断協会', description: '審査員の所属 (利益相反の判定に使う)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  organisation?: string;

  @ApiPropertyOptional({ description: '省略時は仮パスワードを発行して一度だけ返す。初回ログイン時に変更が必要。パスワードの条件は POST /auth/password と同じ' })
  @IsOptional()
  @IsString()
  password?: string;
}

export class ResetPasswordDto {
  @ApiPropertyOptional({
    description: '省略時は仮パスワードを発行して一度だけ返す。どちらでも次のログインで変更が必要。パスワードの条件は POST /auth/password と同じ',
  })
  @IsOptional()
  @IsString()
  password?: string;
}

@ReadOnlyRecordFields('id', 'reviewCapacity', 'mustChangePassword', 'lastLoginAt', 'createdAt', 'updatedAt', 'version')
export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail({}, { message: 'email はメールアドレスの形式で入力してください' })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @HasText('name (氏名) を入力してください')
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ enum: STAFF_ROLES })
  @IsOptional()
  @IsIn(STAFF_ROLES, { message: `role は ${STAFF_ROLES.join(', ')} のいずれかを指定してください` })
  role?: StaffRole;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  organisation?: string | null;

  @ApiPropertyOptional({ description: 'false にすると全セッションが失効し、次のリクエストから拒否される' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
