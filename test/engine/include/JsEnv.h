// RUNNABLE overlay of test/cpp/engine/JsEnv.h (Puerts' FJsEnv, its declarations unchanged): backed by a fresh
// V8 context in the hosting Node's isolate (test/engine/src/JsEnv.cpp). The members below are the harness's.
#pragma once
#include <functional>
#include <memory>
#include "CoreMinimal.h"
#include "PuertsNamespaceDef.h"
#include "JSLogger.h"
#include "JSModuleLoader.h"

namespace PUERTS_NAMESPACE
{
	class JSENV_API FJsEnv
	{
	public:
		explicit FJsEnv(const FString& ScriptRoot = TEXT("JavaScript"));
		FJsEnv(std::shared_ptr<IJSModuleLoader> InModuleLoader, std::shared_ptr<ILogger> InLogger, int InDebugPort,
			std::function<void(const FString&)> InOnSourceLoadedCallback = nullptr, const FString InFlags = FString(),
			void* InExternalRuntime = nullptr, void* InExternalContext = nullptr);
		~FJsEnv();
		void Start(const FString& ModuleName, const TArray<TPair<FString, UObject*>>& Arguments = TArray<TPair<FString, UObject*>>());
		bool IdleNotificationDeadline(double DeadlineInSeconds);
		void LowMemoryNotification();
		void WaitDebugger(double Timeout = 0);

		struct FHsImpl;
		std::unique_ptr<FHsImpl> HsImpl;
	};
}
