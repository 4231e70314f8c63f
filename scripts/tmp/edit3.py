exec(open('/work/wt/catalog-fix/scripts/tmp/common.py').read())
a=A['markup-tax-sites-meta-pixel-2022']
s=a['sources'][1]; s['excerpt']=s['excerpt'].replace('and we are taking steps to mitigate the sharing o','and we are taking steps to mitigate the sharing')
# 16 congress
a=A['congress-tax-prep-meta-google-report-2023']
print(json.dumps(a['summary'],ensure_ascii=False)); print([ (s['status'],s['date'],s.get('source'),s.get('note',{}).get('en')) for s in a['status']])
a['status']=[
 step('reported','2023-07-12',0,note=L("Report by Senators Warren, Wyden, Blumenthal, Duckworth, Sanders and Whitehouse and Representative Porter (54 pages), sent with a letter asking the IRS, its inspector general (TIGTA), the FTC and the Justice Department to investigate.","Rapport des sénateurs Warren, Wyden, Blumenthal, Duckworth, Sanders et Whitehouse et de la représentante Porter (54 pages), envoyé avec une lettre demandant à l'IRS, à son inspecteur général (TIGTA), à la FTC et au ministère de la Justice d'enquêter.")),
 step('reported','2024-09',2,dateOfReport=True,note=L("The Treasury Inspector General for Tax Administration's audit found that four online tax-software companies, not named, used consent statements that did not clearly identify the intended use of taxpayer data, in breach of Treasury regulations; the IRS agreed.","L'audit de l'inspecteur général du Trésor pour l'administration fiscale (TIGTA) a constaté que quatre éditeurs de logiciels fiscaux en ligne, non nommés, utilisaient des formulaires de consentement n'identifiant pas clairement l'usage prévu des données, contrairement à la réglementation du Trésor ; l'IRS en a convenu.")),
 step('reported','2024-10-23',2,note=L("Lawmakers wrote to the Department of Justice urging prosecution. No prosecution was found in the sources.","Des élus ont écrit au ministère de la Justice pour demander des poursuites. Aucune poursuite n'a été trouvée dans les sources.")),
]
a['sources']=[
 S('AP',"3 tax prep firms shared ‘extraordinarily sensitive’ data about taxpayers with Meta, lawmakers say",'2023-07-12',
   "WASHINGTON (AP) — Some congressional Democrats say three large tax preparation firms sent “extraordinarily sensitive” information on tens of millions of taxpayers to Facebook parent company Meta over at least two years. Their report issued Wednesday urges federal agencies to investigate and potentially go to court over the information H&R Block, TaxAct and Tax Slayer shared with the social media giant.",
   url='https://krdo.com/news/2023/07/12/3-tax-prep-firms-shared-extraordinarily-sensitive-data-about-taxpayers-with-meta-lawmakers-say/',via='KRDO (copy)'),
 S('Fox Business',"Democrats say ‘potentially illegal’ taxpayer data breach warrants DOJ investigation",'2023-07',
   "The lawmakers, including Sens. Elizabeth Warren, Ron Wyden, Richard Blumenthal, Tammy Duckworth, Bernie Sanders and Sheldon Whitehouse, released a 54-page report on the issue, also requesting prosecution if a company or individual violated the law. The group, as well as Rep. Katie Porter, sent a letter to the Internal Revenue Service, the Treasury Inspector General for Tax Administration, the Federal Trade Commission and the Department of Justice",
   url='https://www.foxbusiness.com/politics/democrats-potentially-illegal-taxpayer-data-breach-warrants-doj-investigation'),
 S('Office of U.S. Senator Ron Wyden',"Wyden, Colleagues Call on Feds to Prosecute Tax Prep Companies for Illegally Sharing Sensitive Personal and Financial Taxpayer Data",'2024-10-23',
   "Last month, the U.S. Treasury Inspector General for Tax Administration released an audit report confirming that four online tax preparation companies broke the law by sharing legally protected and sensitive taxpayer information with Big Tech firms without taxpayer consent. Specifically, the report found that consent statements being used by the tax prep companies did not clearly identify the intended use of taxpayer data, a violation of Treasury regulations. The IRS agreed with that assessment.",
   url='https://wyden.senate.gov/news/press-releases/wyden-colleagues-call-on-feds-to-prosecute-tax-prep-companies-for-illegally-sharing-sensitive-personal-and-financial-taxpayer-data',primary=True),
 S('The Verge',"The Verge report on lawmakers urging the Justice Department to prosecute tax prep companies",'2024-10',
   "In a new letter shared exclusively with The Verge, the lawmakers advance their previous calls for law enforcers to investigate these companies. […] The TIGTA report does not name individual tax prep providers but said its review of “four tax software companies” found that they did not comply with a Treasury regulation aimed at protecting taxpayer privacy.",
   url='https://autopilotr.com/democrats-want-doj-to-prosecute-tax-prep-companies-that-allegedly-shared-user-data-with-meta-and-google',via='autopilotr.com (copy)',desc=True),
]
# 17 Avanza
a=A['avanza-meta-pixel-imy-2024']
a['status']=[
 step('confirmed','2021-06-08',2,by='avanza',note=L("Avanza notified the breach to IMY. It deactivated the pixel, and Meta confirmed it had deleted the data.","Avanza a notifié la violation à l'IMY. Elle a désactivé le pixel, et Meta a confirmé avoir supprimé les données.")),
 step('ruled','2024-06-24',0,by='imy',note=L("Decision DI-2021-5544, published on 25 June 2024: a fine of SEK 15 million (about €1.3 million) under GDPR Articles 5(1)(f) and 32(1).","Décision DI-2021-5544, publiée le 25 juin 2024 : amende de 15 millions de couronnes (environ 1,3 million d'euros) au titre des articles 5(1)(f) et 32(1) du RGPD.")),
]
a['sources']=[
 S('GDPRhub',"IMY (Sweden) - DI-2021-5544 Avanza Bank",'2024',
   "Decided: | 24.06.2024 | Published: | 25.06.2024 | Fine: | 15000000 SEK | […] Two new functions of the analytics tool, the Automatic Advanced Matching (AAM) and the Automatic Events (AH), were activated by the controller by mistake.",
   url='https://gdprhub.eu/index.php?title=IMY_(Sweden)_-_DI-2021-5544_Avanza_Bank'),
 S('Cooltechzone',"Swedish DPA issues a 1.3 million euro fine for using Meta pixel",'2024',
   "The personal information contained customers’ securities holding, account numbers, loan amounts and social security numbers. This happened to one million customers between November 2019 and June 2021. Avanza states that it deactivated the Meta pixel as soon as it became aware of the incident.",
   url='https://cooltechzone.com/news/swedish-dpa-issues-a-1-3-million-euro-fine-for-using-meta-pixel'),
 S('PrivacyCraft',"Avanza Bank fined 1.34M EUR in Sweden for misconfiguration of Meta pixel",'2024',
   "On 8 June 2021 IMY received a breach notification from Avanza Bank regarding the transfer of personal data (including identity numbers, loan amounts, and account numbers) to Meta between 15 November 2019 and 2 June 2021. […] Approximately 500,000 to 1,000,000 individuals were affected […] Upon discovery, Avanza deactivated the Meta-pixel tool and confirmed data deletion by Meta.",
   url='https://blog.privacycraft.pro/avanza-bank-fined-1-34m-eur-in-sweden-for-misconfiguration-of-meta-pixel'),
]
# 18 Plaid
a=A['plaid-privacy-class-action-settlement']
a['summary']=L("Users of fintech apps such as Venmo, Coinbase, Cash App and Stripe sued Plaid in 2020, alleging that it collected bank logins through screens that looked like their bank’s and sold transaction histories. Plaid agreed to a $58 million settlement in August 2021 without admitting wrongdoing; a federal judge approved it in 2022.",
 "Des utilisateurs d'applications comme Venmo, Coinbase, Cash App et Stripe ont poursuivi Plaid en 2020, l'accusant de collecter leurs identifiants bancaires via des écrans imitant ceux de leur banque et de vendre leurs historiques de transactions. Plaid a accepté en août 2021 un règlement de 58 millions de dollars sans reconnaître de faute ; un juge fédéral l'a approuvé en 2022.")
a['status']=[
 step('reported','2020',1,note=L("Five suits filed in May, June and July 2020 were combined (In re Plaid Inc. Privacy Litigation, N.D. Cal.).","Cinq actions déposées en mai, juin et juillet 2020 ont été jointes (In re Plaid Inc. Privacy Litigation, Californie du Nord).")),
 step('settled','2021-08',0,by='plaid',note=L("A $58 million settlement was agreed, with no admission of wrongdoing; it covers about 98 million people.","Un règlement de 58 millions de dollars a été conclu, sans reconnaissance de faute ; il concerne environ 98 millions de personnes.")),
 step('ruled','2022',1,note=L("A federal magistrate judge approved the settlement (exact date not confirmed). Plaid must delete some data and limit what it stores.","Une juge fédérale a approuvé le règlement (date exacte non confirmée). Plaid doit supprimer certaines données et limiter ce qu'elle conserve.")),
]
a['sources']=[
 S('Protocol',"Protocol article on Plaid's lawsuit settlement",'2021-08',
   "Plaid has reached a $58 million settlement this week in a class-action lawsuit to address privacy allegations against the company. Plaid admitted no wrongdoing in the settlement, but agreed to a number of terms on how it informs consumers on the data it collects.",
   url='https://www.protocol.com/fintech/plaid-lawsuit-settlement-open-banking',desc=True),
 S('Courthouse News Service',"Judge approves settlement ordering Plaid to pay $58 million for selling consumer data",'2022',
   "A federal court judge on Wednesday approved banking app Plaid's $58 million privacy class action settlement after consumers claimed the company had harvested and sold their financial data without consent. […] The case was combined with four other lawsuits brought in May, June and July 2020. Other plaintiffs said Plaid designed login screens in its interface to look like screens used by individual financial institutions",
   url='https://www.courthousenews.com/judge-approves-settlement-ordering-plaid-to-pay-58-million-for-selling-consumer-data/'),
 S('Finextra',"Plaid settles $58 million class action lawsuit",'2021-08',
   "The settlement encompasses five separate lawsuits combined as one. Each claims that Plaid used consumers’ banking login credentials to gather and distribute detailed financial data without prior consent. Approximately 98 million people are affected by the settlement.",
   url='https://www.finextra.com/newsarticle/38612/plaid-settles-58-million-class-action-lawsuit'),
]
# 19 Yodlee
a=A['yodlee-envestnet-transaction-data-sales-2020']
a['status']=[
 step('reported','2020-01',1,dateOfReport=True,note=L("Senators Wyden and Brown and Representative Eshoo asked the FTC to investigate Envestnet (exact day not confirmed). No FTC action was found.","Les sénateurs Wyden et Brown et la représentante Eshoo ont demandé à la FTC d'enquêter sur Envestnet (jour exact non confirmé). Aucune action de la FTC n'a été trouvée.")),
 step('reported','2020-02',0),
 step('reported','2020-08',2,note=L("A class action, Wesch v. Yodlee (N.D. Cal.), was filed; its outcome was not confirmed.","Une action collective, Wesch v. Yodlee (Californie du Nord), a été déposée ; son issue n'a pas été confirmée.")),
]
a['sources']=[
 S('Motherboard (Vice)',"Motherboard report on Yodlee's sale of bank and card transaction data",'2020-02',
   "Yodlee, the largest financial data broker in the U.S., sells data pulled from the bank and credit card transactions of tens of millions of Americans to investment and research firms […] The transaction data itself comes from banks, credit card companies, and apps that Yodlee works with, including Bank of America, Citigroup, and HSBC, according to previous reporting from The Wall Street Journal.",
   url='https://vice.com/en/article/jged4x/envestnet-yodlee-credit-card-bank-data-not-anonymous',desc=True),
 S('National Law Review',"Members of Congress Request FTC Investigation of Financial Data Company's Collection and Sale of Consumer Data",'2020-01',
   "Last week, Democratic Senators Ron Wyden and Sherrod Brown and Congresswoman Anna Eshoo sent a letter to FTC Chairman Joseph J. Simons urging the agency to investigate whether analytics firm Envestnet, Inc. (which operates Yodlee) was violating the FTC Act.",
   url='https://natlawreview.com/article/members-congress-request-ftc-investigation-financial-data-company-s-collection-and',desc=True),
 S('Proskauer (New Media & Technology Law blog)',"Proskauer blog post on the Wesch v. Yodlee class action",'2020-08',
   "Wesch v. Yodlee, No. 20-cv-05991 (N.D. Cal.): class action filed in August 2020 over the sale of transaction data.",
   desc=True),
]
json.dump(d, open(P,'w'), ensure_ascii=False, indent=2); open(P,'a').write('\n')
print('ok')
