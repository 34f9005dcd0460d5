import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

const normaliseEmail = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class LoginDto {
  @ApiProperty({ example: 'admin@jimukyoku.example.jp' })
  @Transform(normaliseEmail)
  @IsEmail({}, { message: 'メールアドレスの形式で入力してください' })
  email!: string;

  @ApiProperty({ example: 'correct horse battery' })
  @IsString()
  @MinLength(1, { message: 'パスワードを入力してください' })
  @MaxLength(200)
  password!: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  currentPassword!: string;

  @ApiProperty({
    description: '12〜200文字、よく使われる・漏えいしたパスワードやメールアドレスを含むものは不可 (zxcvbn のスコア3以上)、現在のパスワードと異なるもの',
  })
  @IsString()
  newPassword!: string;
}

export class SessionUserDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ['admin', 'manager', 'reviewer', 'auditor'] }) role!: string;
  @ApiProperty({ nullable: true, type: String }) organisation!: string | null;
  @ApiProperty() mustChangePassword!: boolean;
}

export class SessionDto {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ description: 'seconds' }) expiresIn!: number;
  @ApiProperty({ type: SessionUserDto }) user!: SessionUserDto;
}
