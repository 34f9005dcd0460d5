import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';

/** The three query parameters of every list route (react-admin simple REST conventions). */
export class ListQueryDto {
  @ApiPropertyOptional({ example: '["createdAt","DESC"]', description: 'JSON [field, "ASC"|"DESC"]' })
  @IsOptional()
  @IsString()
  sort?: string;

  @ApiPropertyOptional({ example: '[0,24]', description: 'JSON [first, last] (inclusive, 0-based)' })
  @IsOptional()
  @IsString()
  range?: string;

  @ApiPropertyOptional({ example: '{"q":"検索語"}', description: 'JSON object of filters' })
  @IsOptional()
  @IsString()
  filter?: string;
}
