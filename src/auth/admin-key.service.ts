import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Repository } from 'typeorm';
import { sha256Hex } from '../common/crypto/secret-box.js';
import { AppConfig } from '../config/app-config.js';
import { PlatformSettingEntity } from '../database/platform-setting.entity.js';

const SETTING = 'admin_key_sha256';

/**
 * The platform admin bearer: ADMIN_API_KEY when set (it replaces a generated one, which is then
 * deleted); otherwise one is generated on first start, printed once, and only its hash is kept.
 */
@Injectable()
export class AdminKeyService implements OnApplicationBootstrap {
  private readonly logger = new Logger('AdminKey');
  private hash?: Buffer;

  constructor(
    private readonly config: AppConfig,
    @InjectRepository(PlatformSettingEntity) private readonly settings: Repository<PlatformSettingEntity>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.adminApiKey) {
      this.hash = Buffer.from(sha256Hex(this.config.adminApiKey), 'hex');
      // The chosen key replaces a generated one for good: a key someone set ADMIN_API_KEY to get
      // away from must not come back when the variable is unset (a new one is generated then).
      const deleted = await this.settings.delete({ key: SETTING });
      if (deleted.affected) {
        this.logger.warn(
          'ADMIN_API_KEY is set: it replaces the admin key generated on first start, which no longer works ' +
            '(unset ADMIN_API_KEY and a new key is generated and printed once)',
        );
      }
      return;
    }
    const stored = await this.settings.findOne({ where: { key: SETTING } });
    if (stored) {
      this.hash = Buffer.from(stored.value, 'hex');
      return;
    }
    const key = 'pba_' + randomBytes(32).toString('base64url');
    // Only the first replica to get here wins; the others read the winner's hash.
    await this.settings.createQueryBuilder().insert().values({ key: SETTING, value: sha256Hex(key) }).orIgnore().execute();
    const winner = await this.settings.findOneOrFail({ where: { key: SETTING } });
    this.hash = Buffer.from(winner.value, 'hex');
    if (winner.value === sha256Hex(key)) {
      // Deliberately not through the JSON logger: this is the one time the secret is shown.
      process.stdout.write(
        `\n  Patchbay generated a platform admin key (shown once, stored hashed):\n\n    ${key}\n\n` +
          `  Sign in to the web console at ${this.config.publicUrl}/console/ with it.\n` +
          `  Set ADMIN_API_KEY to choose your own.\n\n`,
      );
    }
  }

  matches(token: string): boolean {
    return this.matchesHash(sha256Hex(token));
  }

  /** The same, from the token's sha256 (a console session remembers only that). */
  matchesHash(hashHex: string): boolean {
    if (!this.hash) return false;
    const given = Buffer.from(hashHex, 'hex');
    return given.length === this.hash.length && timingSafeEqual(given, this.hash);
  }
}
