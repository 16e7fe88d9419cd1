import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { type FindOptionsWhere, LessThan, MoreThan, type ObjectLiteral, Repository } from 'typeorm';

export const MAX_LIMIT = 100;
export const DEFAULT_LIMIT = 50;

export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ description: 'the nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  cursor?: string;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/**
 * Keyset pagination on the sortable id: newest-last order (`id` ascending), the cursor is the
 * last id of the page. Callers validate the cursor's prefix before calling.
 */
export async function paginate<E extends ObjectLiteral & { id: string }>(
  repo: Repository<E>,
  where: FindOptionsWhere<E>,
  page: { limit?: number; cursor?: string },
  order: 'ASC' | 'DESC' = 'ASC',
): Promise<Page<E>> {
  const limit = Math.min(page.limit ?? DEFAULT_LIMIT, MAX_LIMIT);
  const idCond = page.cursor ? { id: order === 'ASC' ? MoreThan(page.cursor) : LessThan(page.cursor) } : {};
  const rows = await repo.find({
    where: { ...where, ...idCond } as FindOptionsWhere<E>,
    order: { id: order } as never,
    take: limit + 1,
  });
  const more = rows.length > limit;
  const data = more ? rows.slice(0, limit) : rows;
  return { data, nextCursor: more ? data[data.length - 1].id : null };
}

export function mapPage<A, B>(page: Page<A>, fn: (a: A) => B): Page<B> {
  return { data: page.data.map(fn), nextCursor: page.nextCursor };
}
