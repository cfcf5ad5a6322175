// The strings the editor module and HelpshiftTS/editor-tester both spell (TypeScript/ue/editor/commands.ts);
// test/consistency/editor-bridge.test.ts checks that they agree. The httpResponse and dispose commands are the
// runtime's (HelpshiftTSCommand in HelpshiftTSConstants.h), and so is the argv name of the bridge
// (HelpshiftTSScript::BridgeArgument): both JsEnvs receive their bridge under the same name.
#pragma once

#include "CoreMinimal.h"

namespace HelpshiftTSEditorScript
{
	/** The module the tester's JsEnv starts, under the plugin's Content/JavaScript. */
	inline const TCHAR* const TesterModule = TEXT("HelpshiftTS/editor-tester");
	/** {action, form}: one button press with every input's text. */
	inline const TCHAR* const TesterActionCommand = TEXT("testerAction");
	/**
	 * The module Tools → HelpshiftTS → Create Login Tester Widget runs on a one-shot editor JsEnv: it creates (or
	 * loads) the Editor Utility Widget Blueprint below and opens it in a tab (TypeScript/ue/editor/create-widget.ts).
	 */
	inline const TCHAR* const CreateWidgetModule = TEXT("HelpshiftTS/editor-create-widget");
}

/** The buttons of the tab, as TypeScript names the actions (EDITOR_TESTER_ACTIONS). */
namespace HelpshiftTSEditorAction
{
	/**
	 * No button: FHelpshiftTSEditorTester::Start sends it once, with DefaultInputs(), so the client of the app the
	 * tab and the widgets open with is made at once and a session stored by an earlier editor run shows before any
	 * press. Sends nothing beyond what the client's Init does.
	 */
	inline const TCHAR* const Connect = TEXT("connect");
	inline const TCHAR* const Inspect = TEXT("inspect");
	inline const TCHAR* const Mint = TEXT("mint");
	inline const TCHAR* const Login = TEXT("login");
	inline const TCHAR* const Logout = TEXT("logout");
	inline const TCHAR* const AddIdentities = TEXT("addIdentities");
	inline const TCHAR* const Foreground = TEXT("foreground");
	inline const TCHAR* const RefreshSession = TEXT("refreshSession");
	inline const TCHAR* const PushMasterAttributes = TEXT("pushMasterAttributes");
	inline const TCHAR* const PushAppAttributes = TEXT("pushAppAttributes");
	inline const TCHAR* const ClearEvents = TEXT("clearEvents");
}
