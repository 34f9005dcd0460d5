import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Policy } from '../../auth/policy.decorator';
import type { AuthenticatedUser } from '../../auth/roles';
import { ApiListQuery } from '../../common/api-list-query.decorator';
import { listPage } from '../../common/list-query';
import { ListQueryDto } from '../../common/list-query.dto';
import { CreateUserDto, ResetPasswordDto, UpdateUserDto } from './dto/user.dto';
import { UserFilter, USER_LIST } from './users.repository';
import { UsersService } from './users.service';
import { UserDto, UserWithPasswordDto } from './dto/users-answers.dto';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Policy('users.read')
  @ApiOperation({ summary: '職員アカウントの一覧 (filter: q, role, active, organisation)' })
  @ApiListQuery(USER_LIST)
  @ApiOkResponse({ type: UserDto, isArray: true })
  async list(@Query() params: ListQueryDto, @Res({ passthrough: true }) res: Response) {
    return listPage<UserFilter, unknown>(res, 'users', params, USER_LIST, (q) => this.users.list(q));
  }

  @Get(':id')
  @Policy('users.read')
  @ApiOperation({ summary: '職員アカウント1件' })
  @ApiOkResponse({ type: UserDto })
  show(@Param('id') id: string) {
    return this.users.get(id);
  }

  @Post()
  @Policy('users.write')
  @ApiOperation({ summary: '職員アカウントの作成 (password 省略時は仮パスワードを一度だけ返す)' })
  @ApiCreatedResponse({ type: UserWithPasswordDto })
  create(@CurrentUser() actor: AuthenticatedUser, @Body() dto: CreateUserDto) {
    return this.users.create(actor, dto);
  }

  @Put(':id')
  @Policy('users.write')
  @ApiOperation({ summary: '職員アカウントの更新 (active=false で無効化し全セッションを失効)' })
  @ApiOkResponse({ type: UserDto })
  update(@CurrentUser() actor: AuthenticatedUser, @Param('id') id: string, @Body() dto: UpdateUserDto) {
    return this.users.update(actor, id, dto);
  }

  @Post(':id/password')
  @HttpCode(200)
  @Policy('users.write')
  @ApiOperation({
    summary: 'パスワードの再設定 (password 省略時は仮パスワードを一度だけ返す)。次のログインで変更が必要になり、その職員の全セッションが終了する',
  })
  @ApiOkResponse({ type: UserWithPasswordDto })
  resetPassword(@CurrentUser() actor: AuthenticatedUser, @Param('id') id: string, @Body() dto: ResetPasswordDto) {
    return this.users.resetPassword(actor, id, dto);
  }

  @Delete(':id')
  @Policy('users.write')
  @ApiOperation({ summary: '職員アカウントの無効化 (削除はせず履歴を残す)' })
  @ApiOkResponse({ type: UserDto })
  remove(@CurrentUser() actor: AuthenticatedUser, @Param('id') id: string) {
    return this.users.deactivate(actor, id);
  }
}
