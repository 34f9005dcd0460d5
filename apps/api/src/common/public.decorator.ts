import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'isPublic';
/** Marks a route that needs no login (health, login itself, docs). Every other route requires one. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
