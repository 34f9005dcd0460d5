import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AppConfig, APP_CONFIG } from '../config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StaffUser } from '../modules/users/staff-user.entity';
import { AccessGuard } from './access.guard';
import { AuthSession } from './auth-session.entity';
import { AuthController } from './auth.controller';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { JwtStrategy } from './jwt.strategy';
import { LocalStrategy } from './local.strategy';
import { LoginThrottle } from './login-throttle';
import { accessTokenKey } from './access-token-key';

@Module({
  imports: [
    TypeOrmModule.forFeature([AuthSession, StaffUser]),
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ secret: accessTokenKey(config.jwtSecret), signOptions: { algorithm: 'HS256' } }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, AuthRepository, LoginThrottle, JwtStrategy, LocalStrategy, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [AuthService, AuthRepository],
})
export class AuthModule {}
