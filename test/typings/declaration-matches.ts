/**
 * Type-level proof that the shipped declaration (Typing/helpshift/index.d.ts) and the facade it describes
 * (TypeScript/ue/helpshift.ts) say the same thing, in both directions, and that its string unions are the
 * contract's (TypeScript/contract/names.ts). Nothing runs: `npm run typecheck` compiles this file, and
 * test/typings/declaration.test.ts compiles it on its own (and once against a drifted declaration, which must fail).
 *
 * @example
 * npx vitest run test/typings
 */
import type * as Declared from "HelpshiftTS/helpshift";
import type * as Attributes from "../../TypeScript/contract/attributes";
import type * as Config from "../../TypeScript/contract/config";
import type * as Names from "../../TypeScript/contract/names";
import type * as Result from "../../TypeScript/contract/result";
import type * as Api from "../../TypeScript/core/api";
import type * as Impl from "../../TypeScript/ue/helpshift";
import type * as Messages from "../../TypeScript/ue/messages";

/** `true` only when A and B are the same type (readonly and optional modifiers included). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** `true` only when each is assignable to the other. */
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Compiles only for `true`. */
type Assert<T extends true> = T;

type ImplModule = typeof Impl;
type DeclaredModule = typeof Declared;

export type Checks = [
  // The same runtime exports, no more, no fewer.
  Assert<Equal<keyof ImplModule, keyof DeclaredModule>>,
  // Values: the implementation can stand where the declaration is promised, and the other way round.
  Assert<Mutual<ImplModule["createHelpshift"], DeclaredModule["createHelpshift"]>>,
  Assert<Mutual<ImplModule["toLoginFailure"], DeclaredModule["toLoginFailure"]>>,
  Assert<Mutual<ImplModule["LoginFailure"], DeclaredModule["LoginFailure"]>>,
  Assert<Equal<Parameters<ImplModule["createHelpshift"]>[0], Parameters<DeclaredModule["createHelpshift"]>[0]>>,
  Assert<Equal<ReturnType<ImplModule["createHelpshift"]>, Declared.HelpshiftFacade>>,
  Assert<
    Equal<ConstructorParameters<ImplModule["LoginFailure"]>, ConstructorParameters<DeclaredModule["LoginFailure"]>>
  >,
  Assert<Equal<Parameters<ImplModule["toLoginFailure"]>, Parameters<DeclaredModule["toLoginFailure"]>>>,
  // Types.
  Assert<Equal<Impl.LoginFailure, Declared.LoginFailure>>,
  Assert<Equal<Impl.HelpshiftFacade, Declared.HelpshiftFacade>>,
  Assert<Equal<Impl.EventListener, Declared.EventListener>>,
  Assert<Equal<Impl.HelpshiftIdentityStateView, Declared.HelpshiftIdentityStateView>>,
  // The vocabulary: the contract's unions and shapes.
  Assert<Equal<Names.LoginFailureReason, Declared.LoginFailureReason>>,
  Assert<Equal<Names.ErrorValue, Declared.ErrorValue>>,
  Assert<Equal<Names.FailureDetail, Declared.FailureDetail>>,
  Assert<Equal<Names.HelpshiftEvent, Declared.HelpshiftEvent>>,
  Assert<Equal<Result.ErrorMap, Declared.ErrorMap>>,
  Assert<Equal<Api.HelpshiftEventData, Declared.HelpshiftEventData>>,
  Assert<Equal<Api.IdentityStateName, Declared.IdentityStateName>>,
  Assert<Equal<Api.RefreshReason, NonNullable<Declared.HelpshiftIdentityStateView["reason"]>>>,
  Assert<Equal<Config.LoginConfigValue, Declared.LoginConfigValue>>,
  Assert<Equal<Config.LoginConfig, Declared.LoginConfig>>,
  Assert<Equal<Attributes.AttributeValue, Declared.AttributeValue>>,
  Assert<Equal<Attributes.AttributeMap, Declared.AttributeMap>>,
  Assert<Mutual<Messages.InitFields, Declared.InitFields>>,
  Assert<Equal<Required<Messages.InitFields>, Required<Declared.InitFields>>>,
];
