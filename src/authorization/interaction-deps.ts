import { Injectable } from '@nestjs/common';
import { AccessService } from '../auth/access.service.js';
import { AccountPrincipals } from './account-principals.js';
import { IdpSignIn } from './idp-sign-in.js';
import { OAuthGrantService } from './oauth-grant.service.js';

/** The interaction pages' collaborators, grouped to keep the constructor small. */
@Injectable()
export class InteractionDeps {
  constructor(
    readonly access: AccessService,
    readonly accounts: AccountPrincipals,
    readonly grants: OAuthGrantService,
    readonly idp: IdpSignIn,
  ) {}
}

