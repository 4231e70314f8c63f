exec(open('/work/wt/catalog-fix/scripts/tmp/common.py').read())
a=A['yodlee-envestnet-transaction-data-sales-2020']
a['sources']=a['sources'][:2]
a['status']=a['status'][:2]
a=A['congress-tax-prep-meta-google-report-2023']
a['sources'][1]['excerpt']="Senators call out Google, Meta and tax prep companies […] The lawmakers, including Sens. Elizabeth Warren, Ron Wyden, Richard Blumenthal, Tammy Duckworth, Bernie Sanders and Sheldon Whitehouse, released a 54-page report on the issue, also requesting prosecution if a company or individual violated the law."
# 20 JPM fees
a=A['jpmorgan-aggregator-fees-plaid-deal-2025']
print(json.dumps(a['summary'],ensure_ascii=False))
a['summary']=L("In July 2025 JPMorgan Chase was reported to be preparing fees for data aggregators' access to its customers' account data. On 28 July 2025 CNBC reported on an internal JPMorgan memo it had seen: 1.89 billion aggregator requests in June, 13% of them initiated by customers. A JPMorgan–Plaid pricing agreement was reported in September 2025.",
 "En juillet 2025, JPMorgan Chase préparait, selon la presse, des frais d'accès pour les agrégateurs de données aux comptes de ses clients. Le 28 juillet 2025, CNBC a rendu compte d'un mémo interne de JPMorgan qu'elle avait vu : 1,89 milliard de requêtes d'agrégateurs en juin, dont 13 % lancées par des clients. Un accord tarifaire entre JPMorgan et Plaid a été rapporté en septembre 2025.")
print(json.dumps(a['dataDetail'],ensure_ascii=False)); print([(s['status'],s['date'],s.get('source'),s.get('note',{}).get('en')) for s in a['status']])
a['status']=[
 step('reported','2025-07',3,dateOfReport=True,note=L("JPMorgan confirmed it had been talking to aggregators about charging for data access. The industry group FDATA objected.","JPMorgan a confirmé discuter avec les agrégateurs de frais d'accès aux données. Le groupement professionnel FDATA s'y est opposé.")),
 step('reported','2025-07-28',0,note=L("CNBC reported on the memo; it did not publish it.","CNBC a rendu compte du mémo ; elle ne l'a pas publié.")),
 step('confirmed','2025-09',1,by='jpmorgan-chase',dateOfReport=True,note=L("JPMorgan and Plaid announced a pricing agreement about a week before 26 September 2025; a JPMorgan press release was quoted.","JPMorgan et Plaid ont annoncé un accord tarifaire environ une semaine avant le 26 septembre 2025 ; un communiqué de JPMorgan a été cité.")),
]
a['sources']=[
 S('CNBC',"CNBC report on a JPMorgan memo about fintech middlemen such as Plaid taxing its systems",'2025-07-28',
   "Of 1.89 billion data requests from middlemen hitting its systems in June, only 13% were initiated by a customer for transactions, according to an internal JPMorgan memo seen by CNBC.",
   url='https://www.cnbc.com/2025/07/28/jpmorgan-fintech-middlemen-plaid-data-requests-taxing-systems.html',via='prchief.com (copy)',desc=True),
 S('Bloomberg Opinion',"In JPMorgan’s Data Deal With Plaid, the Giants Cement Their Position",'2025-09-26',
   "Last week, JPMorgan said enough. In a deal with Plaid – which accounted for 57% of intermediary activity in June – the bank agreed to a pricing structure in which it will charge for access.",
   url='https://approd.advisorperspectives.com/articles/2025/09/26/jpmorgans-data-deal-plaid-giants-cement-position',via='Advisor Perspectives'),
 S('CardRates',"CardRates article on JPMorgan's deal to charge Plaid for customer data",'2025-09',
   "Banking giant JPMorgan Chase and Plaid, a fintech that lets users share their bank data with third-party apps, have struck a deal in which Plaid will pay the bank for access to its customer information. […] “Today’s announcement will ensure that our customers can continue to quickly, safely, and securely access their financial data for years to come and stay connected to the products they rely on every day,” said Melissa Feldsher, Head of Consumer Payments at JPMorgan Chase, in a press release.",
   url='https://www.cardrates.com/news/jpmorgan-inks-deal-to-charge-plaid-for-customer-data/',desc=True),
 S('American Banker',"American Banker report that JPMorganChase will charge data aggregators for customer data",'2025-07',
   "\"We've invested significant resources creating a valuable and secure system that protects customer data,\" said JPMorgan spokeswoman Emma Eatman. […] \"JPMorganChase is exploiting regulatory uncertainty to levy an arbitrary and punitive tax on competitive offerings,\" FDATA said in a statement shared with American Banker.",
   via='copy',desc=True),
]
json.dump(d, open(P,'w'), ensure_ascii=False, indent=2); open(P,'a').write('\n')
print('ok')
