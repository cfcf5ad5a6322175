// Puerts' JSModuleLoader.h, the declarations the bridge uses.
#pragma once
#include "CoreMinimal.h"
#include "PuertsNamespaceDef.h"

namespace PUERTS_NAMESPACE
{
	class IJSModuleLoader
	{
	public:
		virtual bool Search(const FString& RequiredDir, const FString& RequiredModule, FString& Path, FString& AbsolutePath) = 0;
		virtual bool Load(const FString& Path, TArray<uint8>& Content) = 0;
		virtual FString& GetScriptRoot() = 0;
		virtual ~IJSModuleLoader() {}
	};

	class JSENV_API DefaultJSModuleLoader : public IJSModuleLoader
	{
	public:
		explicit DefaultJSModuleLoader(const FString& InScriptRoot) : ScriptRoot(InScriptRoot) {}
		virtual bool Search(const FString& RequiredDir, const FString& RequiredModule, FString& Path, FString& AbsolutePath) override;
		virtual bool Load(const FString& Path, TArray<uint8>& Content) override;
		virtual FString& GetScriptRoot() override;
		virtual bool CheckExists(const FString& PathIn, FString& Path, FString& AbsolutePath);
		virtual bool SearchModuleInDir(const FString& Dir, const FString& RequiredModule, FString& Path, FString& AbsolutePath);
		virtual bool SearchModuleWithExtInDir(const FString& Dir, const FString& RequiredModule, FString& Path, FString& AbsolutePath);
		FString ScriptRoot;
	};
}
