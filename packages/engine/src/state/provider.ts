/** The provider address recorded on every Lifeboat resource in state, as Terraform writes it. */
export const lifeboatProviderAddress = 'provider["registry.terraform.io/lifeboat/lifeboat"]';
